// When a spend alert is crossed, and what it says: plain rules over the month-to-date figures.
import { Dec, formatMoney, toMinorUnits } from "../money";

export type SpendAlertKind = "cap_share" | "amount" | "forecast_above";

export interface SpendFigures {
  currency: string;
  /** Month-to-date charges (the live draft's total). */
  totalMinor: bigint;
  /** Attempt and outcome charges before the cap, which the cap limits. */
  usageBeforeCapMinor: bigint;
  capMinor: bigint | null;
  /** The expected forecast to month end. */
  forecastMinor: bigint;
}

export interface SpendAlertRule {
  kind: SpendAlertKind;
  /** cap_share: percent of the cap (80 = 80 %); otherwise an amount in major units. */
  threshold: string;
}

/** What the alert tells the customer's finance users, or null while it is not crossed. */
export function spendAlertCrossing(
  rule: SpendAlertRule,
  figures: SpendFigures,
): { title: string; body: string } | null {
  const money = (minor: bigint) => formatMoney(minor, figures.currency);
  switch (rule.kind) {
    case "cap_share": {
      if (figures.capMinor === null || figures.capMinor === 0n) return null;
      const share = new Dec(figures.usageBeforeCapMinor.toString()).times(100).dividedBy(figures.capMinor.toString());
      if (share.lt(rule.threshold)) return null;
      return {
        title: `Usage reached ${new Dec(rule.threshold).toFixed()}% of the monthly cap`,
        body: `Usage charges this month are ${money(figures.usageBeforeCapMinor)} of a ${money(figures.capMinor)} cap (${share.toFixed(1)}%).`,
      };
    }
    case "amount": {
      const limit = toMinorUnits(rule.threshold, figures.currency);
      if (figures.totalMinor < limit) return null;
      return {
        title: `Spend this month reached ${money(limit)}`,
        body: `Month-to-date charges are ${money(figures.totalMinor)}.`,
      };
    }
    case "forecast_above": {
      const limit = toMinorUnits(rule.threshold, figures.currency);
      if (figures.forecastMinor <= limit) return null;
      return {
        title: `Forecast above ${money(limit)}`,
        body: `This month is expected to end at ${money(figures.forecastMinor)}; ${money(figures.totalMinor)} is charged so far.`,
      };
    }
  }
}
