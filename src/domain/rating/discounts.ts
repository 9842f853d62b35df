// Discounts on a contract (issue #15, shape 5): a percentage or a fixed amount off one
// definition's outcome charges or off the whole invoice, for some periods or until a date.
import { currencyPrecision, Dec, toMinorUnits } from "../money";

export type DiscountKind = "percent" | "fixed";

// Stored in the contract's `discounts` JSON column; a version without it has no discount.
export interface Discount {
  /** Shown on the invoice line ("Launch discount"). */
  label: string;
  kind: DiscountKind;
  /** percent: in (0, 100]; fixed: above 0, in major units of the contract's currency. */
  value: string;
  /** null: the whole invoice; else this definition's outcome charges. */
  definitionKey: string | null;
  /** Billing periods from the version's first, this one included; null = no count. */
  periods: number | null;
  /** A UTC date ("2027-01-01"): the discount applies to periods starting before it; null = no end. */
  until: string | null;
}

/** Whole months from the version's first period to this one (0 = the first). */
function periodIndex(effectiveFrom: Date, periodStart: Date): number {
  return (
    (periodStart.getUTCFullYear() - effectiveFrom.getUTCFullYear()) * 12 +
    periodStart.getUTCMonth() -
    effectiveFrom.getUTCMonth()
  );
}

/**
 * Whether a discount applies to the period starting at `periodStart` under a version in force
 * from `effectiveFrom`. Every rating path asks this through `discountsInForce`, so a page, the
 * forecast, a credit and the invoice agree on the same month.
 */
export function discountActive(discount: Discount, effectiveFrom: Date, periodStart: Date): boolean {
  const index = periodIndex(effectiveFrom, periodStart);
  if (index < 0) return false;
  if (discount.periods !== null && index >= discount.periods) return false;
  if (discount.until !== null && periodStart.getTime() >= Date.parse(`${discount.until.slice(0, 10)}T00:00:00Z`)) {
    return false;
  }
  return true;
}

export function discountsInForce(
  discounts: readonly Discount[] | undefined,
  effectiveFrom: Date,
  periodStart: Date,
): Discount[] {
  return (discounts ?? []).filter((d) => discountActive(d, effectiveFrom, periodStart));
}

/**
 * What a discount takes off `baseMinor` (≥ 0), as a positive amount: a percentage rounded once,
 * half-even; a fixed amount at most the base, so what it applies to never goes below zero.
 */
export function discountMinor(discount: Discount, baseMinor: bigint, currency: string): bigint {
  if (baseMinor <= 0n) return 0n;
  const off =
    discount.kind === "percent"
      ? BigInt(new Dec(baseMinor.toString()).times(discount.value).div(100).toFixed(0))
      : toMinorUnits(discount.value, currency);
  return off < baseMinor ? off : baseMinor;
}

/** The line's words: the label, the percentage or amount, and what it applies to. */
export function discountDescription(discount: Discount, currency: string, appliesTo: string): string {
  const amount =
    discount.kind === "percent"
      ? `${new Dec(discount.value).toFixed()}%`
      : `${new Dec(discount.value).toFixed(currencyPrecision(currency))} ${currency}`;
  return `${discount.label}: ${amount} off ${appliesTo}`;
}
