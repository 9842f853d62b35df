// Formatting the dashboard's exact decimals for people: rounded only here, for display.
import { Dec } from "@/domain/money";

/** A ratio ("0.8333333333") as a percentage with one decimal ("83.3 %"); "—" when there is none. */
export function formatPercent(ratio: string | null): string {
  return ratio === null ? "—" : `${new Dec(ratio).times(100).toFixed(1)}%`;
}

/** An exact amount in major units, rounded half-even to `digits` decimals for display. */
export function formatUnitCost(amount: string | null, currency: string, digits = 4): string {
  if (amount === null) return "—";
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(new Dec(amount).toFixed(digits) as unknown as number);
}

export const formatCount = (n: number) => n.toLocaleString("en-US");

/** A signed change in percent ("+6.0%", "−3.2%"). */
export function formatChange(percent: string): string {
  const value = new Dec(percent);
  return value.isZero() ? "±0.0%" : value.isPositive() ? `+${value.toFixed(1)}%` : `−${value.abs().toFixed(1)}%`;
}
