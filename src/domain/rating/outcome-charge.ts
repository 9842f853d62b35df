// What one outcome costs: its marginal price under the same rules that rate the period. The
// n-th billable outcome of a definition in a period is priced at the graduated tier n falls in,
// so the prices of outcomes 1…N add up exactly to that definition's outcome lines (before the
// one rounding per line, the cap and the minimum). The per-attempt fee is charged on every
// counted attempt, billable or not.
import { currencyPrecision, Dec, toMajorUnits } from "../money";
import type { ContractTerms, DefinitionUsage } from "./contract-terms";
import { attemptFeeOf, outcomeTiers, type RatedPeriod } from "./rate-period";

export interface OutcomePrice {
  /** Exact decimal in major units: the tier's unit price. */
  unitPrice: string;
  /** The tier, from 1; null when the price is flat (a single tier). */
  tier: number | null;
}

/** The price of the `rank`-th (from 1) billable outcome of a definition in its period. */
export function outcomePriceAt(
  terms: ContractTerms,
  usage: Pick<DefinitionUsage, "definitionKey" | "defaultUnitPrice">,
  rank: number,
): OutcomePrice {
  const tiers = outcomeTiers(terms, usage);
  const index = tiers.findIndex((t) => t.upTo === null || rank <= t.upTo);
  const chosen = index === -1 ? tiers.length - 1 : index;
  return { unitPrice: new Dec(tiers[chosen]!.unitPrice).toFixed(), tier: tiers.length === 1 ? null : chosen + 1 };
}

/** The fee every counted attempt of the definition pays, or null when the contract has none. */
export function attemptFeeFor(terms: ContractTerms, definitionKey: string): string | null {
  const fee = attemptFeeOf(terms, definitionKey);
  return fee && new Dec(fee.unitPrice).gt(0) ? new Dec(fee.unitPrice).toFixed() : null;
}

/**
 * In plain words, what the cap or the minimum did to the period's outcome prices; null when
 * neither applied, and each outcome's price is what it added to the bill.
 */
export function adjustmentEffect(rated: RatedPeriod, terms: ContractTerms): string | null {
  const { currency } = terms;
  const amount = (minor: bigint) => `${toMajorUnits(minor, currency).toFixed(currencyPrecision(currency))} ${currency}`;
  const cap = rated.lines.find((l) => l.kind === "cap_adjustment");
  if (cap) {
    return `The monthly cap of ${amount(rated.usageMinor + cap.amountMinor)} brought this month's usage charges of ${amount(rated.usageMinor)} down by ${amount(-cap.amountMinor)}: the outcomes beyond the cap add nothing to the bill.`;
  }
  const minimum = rated.lines.find((l) => l.kind === "minimum_true_up");
  if (minimum) {
    return `The month did not reach the minimum commitment: a true-up of ${amount(minimum.amountMinor)} makes the bill up to it, so each outcome's price is part of the minimum rather than added to it.`;
  }
  return null;
}
