// The value report's one-sentence summary, in words a board reads.
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney } from "@/domain/money";
import { formatCount, formatPercent } from "./figures";
import type { Dashboard } from "./types";

export function valueSummary(customerName: string, value: Dashboard["value"]): string {
  const { periods, total, currency } = value;
  const span = `From ${periodLabel(periods[0]!.periodStart)} to ${periodLabel(periods.at(-1)!.periodStart)}`;
  if (!value.settings.some((s) => s.valuePerOutcome !== null)) {
    return `${span}, ${customerName} has not yet stated what an outcome is worth to it, so the value delivered cannot be shown.`;
  }
  const money = (minor: bigint) => formatMoney(minor, currency);
  const sentence =
    `${span}, ${customerName} was charged ${money(total.chargedMinor)} for ${formatCount(total.billable)} billable ` +
    `outcomes worth ${money(total.valueMinor)} by its own valuation: a return on spend of ${formatPercent(total.roi)}.`;
  return total.unvaluedBillable === 0
    ? sentence
    : `${sentence} ${formatCount(total.unvaluedBillable)} outcomes of definitions without a stated value are not counted.`;
}
