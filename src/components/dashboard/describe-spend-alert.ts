import { Dec, formatMoney, toMinorUnits } from "@/domain/money";
import type { SpendAlertKind } from "./spend-alert-labels";

/** "Usage at 80% of the cap", "Spend reaches $5,000.00", "Forecast above $9,000.00". */
export function describeSpendAlert(kind: SpendAlertKind, threshold: string, currency: string): string {
  if (kind === "cap_share") return `Usage at ${new Dec(threshold).toFixed()}% of the monthly cap`;
  const amount = formatMoney(toMinorUnits(threshold, currency), currency);
  return kind === "amount" ? `Month-to-date spend reaches ${amount}` : `Forecast to month end above ${amount}`;
}
