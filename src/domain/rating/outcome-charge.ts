// What one outcome costs under the same rules that rate the period: the prices of outcomes 1…N
// add up exactly to that definition's outcome lines (before the one rounding per line, tier flat
// fees, the price's minimum or maximum, the cap and the minimum commitment). The per-attempt fee is charged on every
// counted attempt, billable or not.
import { currencyPrecision, Dec, toMajorUnits } from "../money";
import type { ContractTerms, DefinitionUsage } from "./contract-terms";
import { outcomePriceOf, proratedUnitPrice, tierReached, tiersOf } from "./price-lines";
import { attemptFeeOf, type RatedPeriod } from "./rate-period";

export interface OutcomePrice {
  /** Exact decimal in major units: the tier's unit price. */
  unitPrice: string;
  /** The tier, from 1; null when the price is flat (a single tier). */
  tier: number | null;
}

/**
 * The price of the `rank`-th (from 1) billable outcome of a definition in its period of `of`.
 * Free units cost 0. Graduated: the tier the rank falls in. Volume: the tier the period's
 * total reaches, for every outcome. A package rounded up or down: the outcome that opens (up) or
 * completes (down) a block carries the block's price, the others 0; prorated: price ÷ size.
 * Tier flat fees and a price's minimum or maximum are lines of their own, not an outcome's price.
 */
export function outcomePriceAt(
  terms: ContractTerms,
  usage: Pick<DefinitionUsage, "definitionKey" | "defaultUnitPrice">,
  rank: number,
  of: number,
): OutcomePrice {
  const price = outcomePriceOf(terms, usage);
  const free = price.freeUnits ?? 0;
  if (rank <= free) return { unitPrice: "0", tier: null };
  const pkg = price.package;
  if (pkg) {
    if (pkg.rounding === "prorated") return { unitPrice: proratedUnitPrice(pkg).toFixed(), tier: null };
    const inBlock = (rank - free) % pkg.size;
    const carries = pkg.rounding === "up" ? inBlock === 1 % pkg.size : inBlock === 0;
    return { unitPrice: carries ? new Dec(pkg.price).toFixed() : "0", tier: null };
  }
  const tiers = tiersOf(price);
  const chosen = tierReached(tiers, price.tierMode === "volume" ? of : rank);
  return { unitPrice: new Dec(tiers[chosen]!.unitPrice).toFixed(), tier: tiers.length === 1 ? null : chosen + 1 };
}

/** The fee every counted attempt of the definition pays, or null when the contract has none. */
export function attemptFeeFor(terms: ContractTerms, definitionKey: string): string | null {
  const fee = attemptFeeOf(terms, definitionKey);
  return fee && new Dec(fee.unitPrice).gt(0) ? new Dec(fee.unitPrice).toFixed() : null;
}

/**
 * In plain words, what besides the outcome prices shaped one definition's charges in the
 * period: its tier flat fees, its own minimum or maximum, its discount, the invoice's discount,
 * the cap or the minimum commitment; null when nothing did, and each outcome's price is what it
 * added to the bill.
 */
export function adjustmentEffect(rated: RatedPeriod, terms: ContractTerms, definitionKey?: string): string | null {
  const { currency } = terms;
  const amount = (minor: bigint) => `${toMajorUnits(minor, currency).toFixed(currencyPrecision(currency))} ${currency}`;
  const own = rated.lines.filter((l) => definitionKey !== undefined && l.definitionKey === definitionKey);
  const sum = (kinds: readonly string[]) =>
    own.filter((l) => kinds.includes(l.kind)).reduce((total, l) => total + l.amountMinor, 0n);
  const effects: string[] = [];
  const flatFees = sum(["tier_flat_fee"]);
  if (flatFees !== 0n) {
    effects.push(
      `Tier flat fees of ${amount(flatFees)} are charged once on their own line, not in each outcome's price.`,
    );
  }
  const outcomeCharges = sum(["outcomes", "tier_flat_fee"]);
  const maximum = own.find((l) => l.kind === "price_maximum");
  if (maximum) {
    effects.push(
      `This outcome's maximum of ${amount(outcomeCharges + maximum.amountMinor)} a month brought its charges of ${amount(outcomeCharges)} down by ${amount(-maximum.amountMinor)}: the outcomes beyond it add nothing to the bill.`,
    );
  }
  const minimum = own.find((l) => l.kind === "price_minimum");
  if (minimum) {
    effects.push(
      `This outcome's charges of ${amount(outcomeCharges)} fell short of its minimum of ${amount(outcomeCharges + minimum.amountMinor)} a month: ${amount(minimum.amountMinor)} more is charged on its own line.`,
    );
  }
  const priceDiscount = own.find((l) => l.kind === "price_discount");
  if (priceDiscount) {
    effects.push(
      `${priceDiscount.description} (${amount(-priceDiscount.amountMinor)} this month), taken after each outcome's price.`,
    );
  }
  const cap = rated.lines.find((l) => l.kind === "cap_adjustment");
  if (cap) {
    effects.push(
      `The monthly cap of ${amount(rated.usageMinor + cap.amountMinor)} brought this month's usage charges of ${amount(rated.usageMinor)} down by ${amount(-cap.amountMinor)}: the outcomes beyond the cap add nothing to the bill.`,
    );
  }
  const commitment = rated.lines.find((l) => l.kind === "minimum_true_up");
  if (commitment) {
    effects.push(
      `The month did not reach the minimum commitment: a true-up of ${amount(commitment.amountMinor)} makes the bill up to it, so each outcome's price is part of the minimum rather than added to it.`,
    );
  }
  for (const discount of rated.lines.filter((l) => l.kind === "invoice_discount")) {
    effects.push(
      `${discount.description} (${amount(-discount.amountMinor)} this month), taken after the outcome prices.`,
    );
  }
  return effects.length === 0 ? null : effects.join(" ");
}
