// Rule 5 of PRODUCT.md: a dispute credit is exactly what the disputed share of an outcome cost
// the customer — the period as charged minus the same period recomputed with that share
// removed (tiers, cap and minimum commitment again). Under a reached cap or an unmet minimum
// that can be 0.00, and the explanation says why in plain words.
import { Dec, formatMoney, toMinorUnits } from "../money";
import type { ContractTerms, DefinitionUsage } from "../rating/contract-terms";
import { ratePeriod } from "../rating/rate-period";

/** A share of one outcome to credit: 1 = the whole outcome, 0.5 = half of it. */
export interface CreditClaim {
  id: string;
  definitionKey: string;
  share: string;
}

export interface PricedCredits {
  /** Each claim's own amount, priced one after another so they add up exactly to the total. */
  perClaim: Map<string, bigint>;
  totalMinor: bigint;
  /** What the same shares cost at the contract's prices, before the cap and the minimum commitment. */
  listMinor: bigint;
  limitedBy: "cap" | "minimum" | null;
}

/**
 * `usage` is the period as charged; `alreadyCredited` the billable shares earlier decisions
 * removed, per definition key. Claims are taken in the order given.
 */
export function priceCredits(
  terms: ContractTerms,
  usage: readonly DefinitionUsage[],
  alreadyCredited: ReadonlyMap<string, string>,
  claims: readonly CreditClaim[],
): PricedCredits {
  const billable = new Map(
    usage.map((u) => [u.definitionKey, new Dec(u.billable).minus(alreadyCredited.get(u.definitionKey) ?? 0)]),
  );
  const listTerms: ContractTerms = { ...terms, monthlyCap: null, minimumCommitment: null };
  const rate = (t: ContractTerms) =>
    ratePeriod(
      t,
      usage.map((u) => ({ ...u, billable: billable.get(u.definitionKey)!.toFixed() })),
    );
  const before = rate(terms);
  const listBefore = rate(listTerms).totalMinor;
  const perClaim = new Map<string, bigint>();
  let previous = before.totalMinor;
  for (const claim of claims) {
    const current = billable.get(claim.definitionKey);
    const share = new Dec(claim.share);
    if (!current) throw new Error(`No usage of ${claim.definitionKey} in this period to credit.`);
    if (share.lte(0) || share.gt(1) || current.lt(share)) {
      throw new Error(`Cannot credit ${claim.share} of an outcome of ${claim.definitionKey}: only ${current} remain.`);
    }
    billable.set(claim.definitionKey, current.minus(share));
    const now = rate(terms).totalMinor;
    perClaim.set(claim.id, (perClaim.get(claim.id) ?? 0n) + previous - now);
    previous = now;
  }
  const after = claims.length > 0 ? rate(terms) : before;
  const totalMinor = before.totalMinor - after.totalMinor;
  const listMinor = listBefore - rate(listTerms).totalMinor;
  const limitedBy =
    totalMinor >= listMinor
      ? null
      : before.lines.some((l) => l.kind === "cap_adjustment")
        ? "cap"
        : after.lines.some((l) => l.kind === "minimum_true_up")
          ? "minimum"
          : null;
  return { perClaim, totalMinor, listMinor, limitedBy };
}

/** The sentence a decision shows about its credit. */
export function explainCredit(priced: Omit<PricedCredits, "perClaim">, terms: ContractTerms): string {
  const money = (minor: bigint) => formatMoney(minor, terms.currency);
  const { totalMinor, listMinor, limitedBy } = priced;
  if (limitedBy === "cap" && terms.monthlyCap !== null) {
    return `The period's usage was above its monthly cap of ${money(toMinorUnits(terms.monthlyCap, terms.currency))}, so part of it was never charged: removing these outcomes lowers the bill by ${money(totalMinor)}, not by their list price of ${money(listMinor)}.`;
  }
  if (limitedBy === "minimum" && terms.minimumCommitment !== null) {
    return `The minimum commitment of ${money(toMinorUnits(terms.minimumCommitment, terms.currency))} still applies: the true-up grows by what usage falls, so the bill drops by ${money(totalMinor)}, not by the list price of ${money(listMinor)}.`;
  }
  return `${money(totalMinor)}: what these outcomes cost on the bill.`;
}
