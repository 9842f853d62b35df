// The impact preview of a draft definition version: re-evaluate recent attempts under the
// current version and under the draft, as of the same `now`, and count what would change.
// Pure and allocation-light: each attempt is judged with evaluateStatus (the status
// evaluateAttempt would give, without building a trace); full traces are built only for the
// handful of sample flips shown side by side. Money is not computed here: the service rates
// the per-customer counts with each customer's contract.
//
// Words: a *flip* is a decided status that changes: billable → not billable or back. An
// attempt that is pending under one rule (because the draft changes the window, or the
// window is still open) is not a flip; it shows in `transitions` and in the per-customer
// billable counts, which compare "billable as of now" under each rule.

import type { AttemptFacts, EvaluationTrace, OutcomeStatus, VersionRule } from "../evaluation/criteria";
import { evaluateAttempt, evaluateStatus } from "../evaluation/evaluate-attempt";

export interface ImpactAttempt extends AttemptFacts {
  id: string;
  customerId: string;
  /** The stored status, when the caller has it: only used to count how many differ from a re-evaluation. */
  currentStatus?: OutcomeStatus;
}

export type DisputeVerdict = "upheld" | "rejected";

export interface ImpactInput {
  /** Any iterable, so a caller can stream pages; each attempt is read once (samples keep a reference). */
  attempts: Iterable<ImpactAttempt>;
  current: VersionRule;
  draft: VersionRule;
  now: Date;
  /** Decided disputes by attempt id. */
  disputed?: ReadonlyMap<string, DisputeVerdict>;
  /** How many sample flips to return with both traces (default 20). */
  sampleSize?: number;
}

export type StatusCounts = Record<OutcomeStatus, number>;

export type FlipDirection = "billableToNot" | "notToBillable";

export interface CustomerImpact {
  customerId: string;
  /** Attempts billable under the draft but not under the current version. */
  gained: number;
  /** Attempts billable under the current version but not under the draft. */
  lost: number;
  /** gained − lost: the change in billable outcomes. */
  billableDelta: number;
}

export interface ImpactSample {
  attemptId: string;
  customerId: string;
  direction: FlipDirection;
  dispute: DisputeVerdict | null;
  current: EvaluationTrace;
  draft: EvaluationTrace;
}

export interface ImpactPreview {
  attempts: number;
  totals: { current: StatusCounts; draft: StatusCounts };
  flips: Record<FlipDirection, number>;
  /** transitions[currentStatus][draftStatus] = attempts; sums to `attempts`. */
  transitions: Record<OutcomeStatus, StatusCounts>;
  /** Customers with at least one outcome gained or lost, largest |billableDelta| first, then by id. */
  customers: CustomerImpact[];
  /** Upheld disputes whose attempt is billable under the current version and not billable under the draft. */
  upheldPrevented: number;
  /** Rejected disputes whose attempt is billable under the current version and not billable under the draft. */
  rejectedNowUnbilled: number;
  /** Attempts given a `currentStatus` that differs from their re-evaluation under `current` (e.g. evaluated under an older version). */
  storedStatusDiffers: number;
  /** Up to `sampleSize` flips, alternating directions while both have some, in input order. */
  samples: ImpactSample[];
}

export const DEFAULT_SAMPLE_SIZE = 20;

const counts = (): StatusCounts => ({ pending: 0, billable: 0, not_billable: 0 });

export function computeImpact({
  attempts,
  current,
  draft,
  now,
  disputed = new Map(),
  sampleSize = DEFAULT_SAMPLE_SIZE,
}: ImpactInput): ImpactPreview {
  const totals = { current: counts(), draft: counts() };
  const transitions = { pending: counts(), billable: counts(), not_billable: counts() };
  const flips: Record<FlipDirection, number> = { billableToNot: 0, notToBillable: 0 };
  const perCustomer = new Map<string, { gained: number; lost: number }>();
  const sampled: Record<FlipDirection, ImpactAttempt[]> = { billableToNot: [], notToBillable: [] };
  const keep = Math.max(0, Math.floor(sampleSize));
  let total = 0;
  let upheldPrevented = 0;
  let rejectedNowUnbilled = 0;
  let storedStatusDiffers = 0;

  for (const attempt of attempts) {
    total++;
    const before = evaluateStatus(attempt, current, now);
    const after = evaluateStatus(attempt, draft, now);
    totals.current[before]++;
    totals.draft[after]++;
    transitions[before][after]++;
    if (attempt.currentStatus !== undefined && attempt.currentStatus !== before) storedStatusDiffers++;
    if (before === after) continue;

    if (before === "billable" || after === "billable") {
      let c = perCustomer.get(attempt.customerId);
      if (!c) {
        c = { gained: 0, lost: 0 };
        perCustomer.set(attempt.customerId, c);
      }
      if (after === "billable") c.gained++;
      else c.lost++;
    }

    const direction: FlipDirection | null =
      before === "billable" && after === "not_billable"
        ? "billableToNot"
        : before === "not_billable" && after === "billable"
          ? "notToBillable"
          : null;
    if (direction === null) continue;
    flips[direction]++;
    if (sampled[direction].length < keep) sampled[direction].push(attempt);
    if (direction === "billableToNot") {
      const verdict = disputed.get(attempt.id);
      if (verdict === "upheld") upheldPrevented++;
      else if (verdict === "rejected") rejectedNowUnbilled++;
    }
  }

  const customers: CustomerImpact[] = [];
  for (const [customerId, { gained, lost }] of perCustomer) {
    customers.push({ customerId, gained, lost, billableDelta: gained - lost });
  }
  customers.sort(
    (x, y) =>
      Math.abs(y.billableDelta) - Math.abs(x.billableDelta) ||
      (x.customerId < y.customerId ? -1 : x.customerId > y.customerId ? 1 : 0),
  );

  const samples: ImpactSample[] = interleave(sampled.billableToNot, sampled.notToBillable, keep).map(
    ([attempt, direction]) => ({
      attemptId: attempt.id,
      customerId: attempt.customerId,
      direction,
      dispute: disputed.get(attempt.id) ?? null,
      current: evaluateAttempt(attempt, current, now),
      draft: evaluateAttempt(attempt, draft, now),
    }),
  );

  return {
    attempts: total,
    totals,
    flips,
    transitions,
    customers,
    upheldPrevented,
    rejectedNowUnbilled,
    storedStatusDiffers,
    samples,
  };
}

/** Alternate the two lists (billable → not first) until `n` are taken or both run out. */
function interleave(
  lost: readonly ImpactAttempt[],
  gained: readonly ImpactAttempt[],
  n: number,
): [ImpactAttempt, FlipDirection][] {
  const out: [ImpactAttempt, FlipDirection][] = [];
  for (let i = 0; out.length < n && (i < lost.length || i < gained.length); i++) {
    if (i < lost.length) out.push([lost[i]!, "billableToNot"]);
    if (out.length < n && i < gained.length) out.push([gained[i]!, "notToBillable"]);
  }
  return out;
}
