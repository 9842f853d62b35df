// Rule 5 of PRODUCT.md: a dispute credit is exactly what the disputed share of an outcome cost
// the customer — the period as charged minus the same period recomputed with that share
// removed (tiers, cap and minimum commitment again). Under a reached cap or an unmet minimum
// that can be 0.00, and the explanation says why in plain words.
//
// Each outcome's credit is computed exactly (no rounding: a full 0.99 outcome is 0.99, half
// of it 0.495) and the rounding happens once, on the line that carries the credits (the
// draft's "Dispute credits" line, a credit note's line). What each outcome shows is that
// rounded line split by largest remainder, so the outcomes always add up to the line and none
// shows more than its exact credit rounded up.
import { currencyPrecision, Dec, formatMoney, minMinor, toMajorUnits, toMinorUnits } from "../money";
import { type ContractTerms, type DefinitionUsage, OUTCOME_CHARGE_KINDS } from "../rating/contract-terms";
import type { Discount } from "../rating/discounts";
import { clampToPriceLimits, outcomePriceOf, tierReached } from "../rating/price-lines";
import { partUsage, proratedTerms } from "../rating/proration";
import { ratePeriod } from "../rating/rate-period";
import { splitByLargestRemainder } from "./credit-split";

/** A share of one outcome to credit: 1 = the whole outcome, 0.5 = half of it. */
export interface CreditClaim {
  id: string;
  definitionKey: string;
  share: string;
}

export interface PricedCredits {
  /** Each claim's exact credit in minor units (unrounded), priced one after another. */
  exactPerClaim: Map<string, Dec>;
  /** What each claim shows: `totalMinor` split by largest remainder of the exact credits. */
  perClaim: Map<string, bigint>;
  /** The exact credits' sum, rounded once half-even (never more than the period charged). */
  totalMinor: bigint;
  /** What the same shares cost at the contract's prices, before any minimum, maximum or cap. */
  listMinor: bigint;
  /** price: a definition's own minimum or maximum held its outcome charges. */
  limitedBy: "cap" | "minimum" | "price" | null;
}

interface ExactTotal {
  exactMinor: Dec;
  chargedMinor: bigint;
  capped: boolean;
  short: boolean;
}

/**
 * The period's total before any rounding, in minor units: rules 1, 3 and 4 applied to exact
 * line amounts (quantity × unit price as they are), so removing a share of an outcome changes
 * it by exactly what that share cost.
 */
export function exactPeriodTotal(terms: ContractTerms, usage: readonly DefinitionUsage[]): ExactTotal {
  if (terms.parts) {
    // A split period is its versions' parts side by side: its exact total is theirs summed.
    const totals = terms.parts.map((part) => exactPeriodTotal(proratedTerms(part), partUsage(part, usage)));
    return {
      exactMinor: totals.reduce((s, t) => s.plus(t.exactMinor), new Dec(0)),
      chargedMinor: totals.reduce((s, t) => s + t.chargedMinor, 0n),
      capped: totals.some((t) => t.capped),
      short: totals.some((t) => t.short),
    };
  }
  const rated = ratePeriod(terms, usage);
  const scale = new Dec(10).pow(currencyPrecision(terms.currency));
  const discounts = terms.discounts ?? [];
  // What a discount takes off an exact amount: unrounded, never more than the amount (a fixed
  // discount is the currency amount rating uses).
  const exactOff = (d: Discount, base: Dec) => {
    if (base.lte(0)) return new Dec(0);
    const off =
      d.kind === "percent"
        ? base.times(d.value).div(100)
        : toMajorUnits(toMinorUnits(d.value, terms.currency), terms.currency);
    return Dec.min(off, base);
  };
  // Priced usage lines always carry a quantity and a unit price; adjustments are recomputed here.
  const exact = (kinds: ReadonlySet<string>, key?: string | null) =>
    rated.lines
      .filter((l): l is typeof l & { quantity: string; unitPrice: string } => kinds.has(l.kind) && l.quantity !== null)
      .filter((l) => key === undefined || l.definitionKey === key)
      .reduce((s, l) => s.plus(new Dec(l.quantity).times(l.unitPrice)), new Dec(0));
  // Each definition's outcome charges held between its price's own minimum and maximum, exactly.
  const keys = new Set(rated.lines.filter((l) => l.kind !== "attempts").map((l) => l.definitionKey));
  let outcomesExact = new Dec(0);
  for (const key of keys) {
    if (key === null) continue;
    const price = outcomePriceOf(terms, { definitionKey: key, defaultUnitPrice: "0" });
    let charges = clampToPriceLimits(exact(OUTCOME_CHARGE_KINDS, key).times(scale), price, terms.currency).div(scale);
    // The definition's own discounts, in order, as rating applies them (rate-period.ts).
    for (const d of discounts.filter((x) => x.definitionKey === key)) charges = charges.minus(exactOff(d, charges));
    outcomesExact = outcomesExact.plus(charges);
  }
  const usageExact = exact(new Set(["attempts"])).plus(outcomesExact);
  const capped = terms.monthlyCap !== null && usageExact.gt(terms.monthlyCap);
  const afterCap = capped ? new Dec(terms.monthlyCap!) : usageExact;
  const committed = new Dec(terms.platformFee).plus(afterCap);
  const short = terms.minimumCommitment !== null && committed.lt(terms.minimumCommitment);
  let total = short ? new Dec(terms.minimumCommitment!) : committed;
  // Whole-invoice discounts last, each off what the ones before left, as rating applies them.
  for (const d of discounts.filter((x) => x.definitionKey === null)) total = total.minus(exactOff(d, total));
  return {
    exactMinor: total.times(scale),
    chargedMinor: rated.totalMinor,
    capped,
    short,
  };
}

/**
 * `usage` is the period as charged; `alreadyCredited` the billable shares earlier credits
 * removed, per definition key. Claims are taken in the order given, each priced at the margin
 * left by those before it.
 */
export function priceCredits(
  contract: ContractTerms,
  usage: readonly DefinitionUsage[],
  alreadyCredited: ReadonlyMap<string, string>,
  claims: readonly CreditClaim[],
): PricedCredits {
  const terms = volumeTierAsCharged(contract, usage);
  const billable = new Map(
    usage.map((u) => [u.definitionKey, new Dec(u.billable).minus(alreadyCredited.get(u.definitionKey) ?? 0)]),
  );
  const total = () =>
    exactPeriodTotal(
      terms,
      usage.map((u) => ({ ...u, billable: billable.get(u.definitionKey)!.toFixed() })),
    ).exactMinor;
  const exactPerClaim = new Map<string, Dec>();
  const removed = new Map<string, Dec>();
  let previous = total();
  for (const claim of claims) {
    const current = billable.get(claim.definitionKey);
    const share = new Dec(claim.share);
    if (!current) throw new Error(`No usage of ${claim.definitionKey} in this period to credit.`);
    if (share.lte(0) || share.gt(1) || current.lt(share)) {
      throw new Error(`Cannot credit ${claim.share} of an outcome of ${claim.definitionKey}: only ${current} remain.`);
    }
    billable.set(claim.definitionKey, current.minus(share));
    removed.set(claim.definitionKey, (removed.get(claim.definitionKey) ?? new Dec(0)).plus(share));
    const now = total();
    exactPerClaim.set(claim.id, (exactPerClaim.get(claim.id) ?? new Dec(0)).plus(previous.minus(now)));
    previous = now;
  }
  const limit = creditLimit(
    terms,
    usage,
    alreadyCredited,
    new Map([...removed].map(([key, share]) => [key, share.toFixed()])),
  );
  return { exactPerClaim, perClaim: splitByLargestRemainder(limit.totalMinor, exactPerClaim), ...limit };
}

/**
 * What removing `shares` (per definition key) from the period credits, after `alreadyCredited`:
 * the exact difference rounded once (never more than the period charged: possible only by
 * rounding, when nearly everything is credited and each line rounded down), the same shares
 * at list price, and what made the credit smaller than that.
 */
export function creditLimit(
  contract: ContractTerms,
  usage: readonly DefinitionUsage[],
  alreadyCredited: ReadonlyMap<string, string>,
  shares: ReadonlyMap<string, string>,
): Pick<PricedCredits, "totalMinor" | "listMinor" | "limitedBy"> {
  const terms = volumeTierAsCharged(contract, usage);
  const without = (removed: ReadonlyMap<string, string>) =>
    usage.map((u) => ({
      ...u,
      billable: new Dec(u.billable)
        .minus(alreadyCredited.get(u.definitionKey) ?? 0)
        .minus(removed.get(u.definitionKey) ?? 0)
        .toFixed(),
    }));
  const listTerms = atListPrices(terms);
  const before = exactPeriodTotal(terms, without(new Map()));
  const after = exactPeriodTotal(terms, without(shares));
  const exactTotal = before.exactMinor.minus(after.exactMinor);
  const listExact = exactPeriodTotal(listTerms, without(new Map())).exactMinor.minus(
    exactPeriodTotal(listTerms, without(shares)).exactMinor,
  );
  return {
    totalMinor: minMinor(roundMinor(exactTotal), before.chargedMinor),
    listMinor: roundMinor(listExact),
    limitedBy: exactTotal.gte(listExact) ? null : before.capped ? "cap" : after.short ? "minimum" : "price",
  };
}

/** The same prices without any minimum, maximum or cap (in every part of a split period). */
function atListPrices(terms: ContractTerms): ContractTerms {
  return {
    ...terms,
    outcomePrices: terms.outcomePrices.map((p) => ({ ...p, minimum: null, maximum: null })),
    monthlyCap: null,
    minimumCommitment: null,
    ...(terms.parts && { parts: terms.parts.map((part) => ({ ...part, terms: atListPrices(part.terms) })) }),
  };
}

/**
 * The draft's "Dispute credits" amount (positive): the period as charged minus the period
 * without the credited shares, both exact, rounded once. Equals `priceCredits(…).totalMinor`
 * of the same shares, whatever their order.
 */
export function creditLineMinor(
  terms: ContractTerms,
  usage: readonly DefinitionUsage[],
  creditedShares: ReadonlyMap<string, string>,
): bigint {
  return creditLimit(terms, usage, new Map(), creditedShares).totalMinor;
}

/**
 * Under volume tiers a credited outcome comes off at the price every outcome of the month was
 * charged: the tier the month reached as charged stays, so a credit never moves the month to a
 * dearer tier and never adds to the bill. (Graduated tiers, packages and flat fees need no such
 * rule: removing outcomes from them never costs more.)
 */
export function volumeTierAsCharged(terms: ContractTerms, usage: readonly DefinitionUsage[]): ContractTerms {
  return {
    ...terms,
    ...(terms.parts && {
      parts: terms.parts.map((part) => ({ ...part, terms: volumeTierAsCharged(part.terms, partUsage(part, usage)) })),
    }),
    outcomePrices: terms.outcomePrices.map((price) => {
      if (price.tierMode !== "volume" || price.package || price.tiers.length === 0) return price;
      const charged = usage.find((u) => u.definitionKey === price.definitionKey)?.billable ?? 0;
      const reached = price.tiers[tierReached(price.tiers, new Dec(charged))]!;
      return { ...price, tierMode: "graduated", tiers: [{ ...reached, upTo: null }] };
    }),
  };
}

/** An exact amount in minor units, rounded once, half-even. */
export function roundMinor(exactMinor: Dec): bigint {
  return BigInt(exactMinor.toDecimalPlaces(0, Dec.ROUND_HALF_EVEN).toFixed(0));
}

/** The sentence a decision shows about its credit. */
export function explainCredit(
  priced: Pick<PricedCredits, "totalMinor" | "listMinor" | "limitedBy">,
  terms: ContractTerms,
): string {
  const money = (minor: bigint) => formatMoney(minor, terms.currency);
  const { totalMinor, listMinor, limitedBy } = priced;
  if (limitedBy === "cap" && terms.monthlyCap !== null) {
    return `The period's usage was above its monthly cap of ${money(toMinorUnits(terms.monthlyCap, terms.currency))}, so part of it was never charged: removing these outcomes lowers the bill by ${money(totalMinor)}, not by their list price of ${money(listMinor)}.`;
  }
  if (limitedBy === "minimum" && terms.minimumCommitment !== null) {
    return `The minimum commitment of ${money(toMinorUnits(terms.minimumCommitment, terms.currency))} still applies: the true-up grows by what usage falls, so the bill drops by ${money(totalMinor)}, not by the list price of ${money(listMinor)}.`;
  }
  if (limitedBy === "price") {
    return `The outcome price's own monthly minimum or maximum held these outcomes' charges, so removing them lowers the bill by ${money(totalMinor)}, not by their list price of ${money(listMinor)}.`;
  }
  return `${money(totalMinor)}: what these outcomes cost on the bill.`;
}
