// Commitments over several periods (issue #15, shape 9): the contract commits the customer to
// an amount over a term of N months from a start month (an annual commitment: 12). What counts
// toward it is what a per-period minimum counts: the platform fee and usage charges after a
// definition's own limits and discounts and after the monthly cap — not a per-period true-up,
// whole-invoice discounts, dispute credits or late items. At the end of the term a
// `commitment_true_up` line on the last period's invoice covers any shortfall.
import { Dec } from "../money";
import { USAGE_KINDS } from "./contract-terms";

/** Stored on the contract version (JSON); absent or null = no commitment over several periods. */
export interface TermCommitment {
  /** Exact decimal in major units: what the customer commits to over the term. */
  amount: string;
  /** The term's first billing period, "YYYY-MM". */
  startMonth: string;
  /** How many billing periods the term lasts (12 for an annual commitment). */
  months: number;
}

/** The kinds of line whose amounts count toward a commitment. */
export const COMMITMENT_COUNTED_KINDS: ReadonlySet<string> = new Set([
  "platform_fee",
  ...USAGE_KINDS,
  "cap_adjustment",
]);

/** What one invoice's lines count toward the commitment, in minor units. */
export function countedMinor(lines: readonly { kind: string; amountMinor: bigint }[]): bigint {
  return lines.filter((l) => COMMITMENT_COUNTED_KINDS.has(l.kind)).reduce((s, l) => s + l.amountMinor, 0n);
}

/** The true-up at the end of the term: the shortfall, never negative. */
export function trueUpMinor(committedMinor: bigint, consumedMinor: bigint): bigint {
  return committedMinor > consumedMinor ? committedMinor - consumedMinor : 0n;
}

/** The term's periods as UTC month starts. */
export function termPeriods(commitment: Pick<TermCommitment, "startMonth" | "months">): Date[] {
  const [year, month] = commitment.startMonth.split("-").map(Number) as [number, number];
  return Array.from({ length: commitment.months }, (_, i) => new Date(Date.UTC(year, month - 1 + i, 1)));
}

export interface CommitmentStatus {
  committedMinor: bigint;
  consumedMinor: bigint;
  remainingMinor: bigint;
  /** Periods of the term after the current one (0 in its last). */
  monthsLeft: number;
  /** If the pace so far holds to the end of the term, the shortfall the true-up would cover. */
  projectedShortfallMinor: bigint;
}

/**
 * Where a commitment stands: `consumed` per period of the term so far (finalized invoices and
 * the current draft, in order). The pace is consumed per month elapsed, the current month
 * counted as its days so far ÷ its days (so a young month does not drag the pace down), exact.
 */
export function commitmentStatus({
  committedMinor,
  consumed,
  months,
  currentIndex,
  currentDays,
}: {
  committedMinor: bigint;
  consumed: readonly bigint[];
  months: number;
  /** The current period's place in the term (0-based); ≥ months once the term is over. */
  currentIndex: number;
  /** How much of the current period has passed: days so far (from 1) of its days. */
  currentDays: { elapsed: number; of: number };
}): CommitmentStatus {
  const consumedMinor = consumed.reduce((s, c) => s + c, 0n);
  const monthsLeft = Math.max(0, months - 1 - Math.min(currentIndex, months - 1));
  const over = currentIndex >= months;
  const fraction = new Dec(currentDays.elapsed).div(currentDays.of);
  const elapsed = over ? new Dec(months) : fraction.plus(currentIndex);
  // The pace: consumed per month so far, projected over what remains of the term.
  const rest = over ? new Dec(0) : new Dec(1).minus(fraction).plus(monthsLeft);
  const sofar = new Dec(consumedMinor.toString());
  const projected = elapsed.lte(0) ? sofar : sofar.plus(sofar.div(elapsed).times(rest));
  const projectedMinor = BigInt(projected.toDecimalPlaces(0, Dec.ROUND_HALF_EVEN).toFixed(0));
  return {
    committedMinor,
    consumedMinor,
    remainingMinor: trueUpMinor(committedMinor, consumedMinor),
    monthsLeft,
    projectedShortfallMinor: trueUpMinor(committedMinor, projectedMinor),
  };
}
