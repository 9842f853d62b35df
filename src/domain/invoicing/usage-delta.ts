// How one change to an attempt moves the usage counts (attempts, billable, pending) of its
// customer, period and definition. The rollup adds these deltas in the same transaction.
import { periodStartOf } from "./periods";

type Status = "pending" | "billable" | "not_billable";

export interface AttemptFacts {
  customerId: string;
  definitionId: string;
  occurredAt: Date;
  status: Status;
}

export interface UsageDelta {
  customerId: string;
  /** The UTC day the attempt happened (midnight). */
  day: Date;
  periodStart: Date;
  definitionId: string;
  attempts: number;
  billable: number;
  pending: number;
}

const DAY_MS = 86_400_000;
const dayOf = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/** The net deltas of many changes, one per customer, day and definition; zero-sum keys left out. */
export function usageDeltas(
  changes: readonly { before: AttemptFacts | null; after: AttemptFacts | null }[],
): UsageDelta[] {
  const byKey = new Map<string, UsageDelta>();
  // A batch's changes fall on a few days: spell each day once, not once per change.
  const dayTextByIndex = new Map<number, string>();
  const dayText = (at: Date) => {
    const index = Math.floor(at.getTime() / DAY_MS);
    let text = dayTextByIndex.get(index);
    if (text === undefined) {
      text = dayOf(at).toISOString();
      dayTextByIndex.set(index, text);
    }
    return text;
  };
  const add = (facts: AttemptFacts, sign: 1 | -1) => {
    const key = `${facts.customerId}|${dayText(facts.occurredAt)}|${facts.definitionId}`;
    let delta = byKey.get(key);
    if (!delta) {
      delta = {
        customerId: facts.customerId,
        day: dayOf(facts.occurredAt),
        periodStart: periodStartOf(facts.occurredAt),
        definitionId: facts.definitionId,
        attempts: 0,
        billable: 0,
        pending: 0,
      };
      byKey.set(key, delta);
    }
    delta.attempts += sign;
    if (facts.status === "billable") delta.billable += sign;
    if (facts.status === "pending") delta.pending += sign;
  };
  for (const { before, after } of changes) {
    if (before) add(before, -1);
    if (after) add(after, 1);
  }
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, d]) => d)
    .filter((d) => d.attempts !== 0 || d.billable !== 0 || d.pending !== 0);
}
