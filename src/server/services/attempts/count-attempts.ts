// How many attempts a list query matches, fast enough to show beside every page: from the
// daily usage rollup when the filter is only time, definition and status (whole UTC days),
// else a count that stops at COUNT_CAP ("10,000+") so a broad subject search stays cheap.
import { canSeeCustomer, customerScopeOf } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { AttemptListQuery, attemptWhere, timeBounds } from "./find-attempts";

export const COUNT_CAP = 10_000;

export interface AttemptCount {
  count: number;
  /** True when there are more than `count` (= COUNT_CAP) matches. */
  capped: boolean;
}

export async function countAttempts({
  actor,
  customerId,
  query,
}: {
  actor: Actor;
  customerId: string;
  query: AttemptListQuery;
}): Promise<AttemptCount> {
  const q = AttemptListQuery.parse(query);
  const where = attemptWhere(actor, customerId, q);
  const bounds = timeBounds(q);
  const wholeDays = [bounds.gte, bounds.lt].every((d) => !d || d.getTime() % 86_400_000 === 0);
  if (!q.subject && !q.subjectPrefix && !q.customer && wholeDays) {
    if (!canSeeCustomer(customerScopeOf(actor), customerId)) return { count: 0, capped: false };
    return { count: await countFromRollup(customerId, q.definition, q.status, bounds), capped: false };
  }
  const count = await db().attempt.count({ where, take: COUNT_CAP + 1 });
  return count > COUNT_CAP ? { count: COUNT_CAP, capped: true } : { count, capped: false };
}

async function countFromRollup(
  customerId: string,
  definitionKey: string | undefined,
  status: "pending" | "billable" | "not_billable" | undefined,
  { gte, lt }: { gte?: Date; lt?: Date },
): Promise<number> {
  const definition = definitionKey
    ? await db().outcomeDefinition.findUnique({ where: { key: definitionKey }, select: { id: true } })
    : null;
  if (definitionKey && !definition) return 0;
  const sums = await db().usageDaily.aggregate({
    where: { customerId, definitionId: definition?.id, day: { gte, lt } },
    _sum: { attempts: true, billable: true, pending: true },
  });
  const attempts = sums._sum.attempts ?? 0;
  const billable = sums._sum.billable ?? 0;
  const pending = sums._sum.pending ?? 0;
  const counted =
    status === "billable"
      ? billable
      : status === "pending"
        ? pending
        : status
          ? attempts - billable - pending
          : attempts;
  // The rollup leaves out attempts whose every event was voided; the list still shows them.
  const voided = await db().attempt.count({
    where: { customerId, voided: true, definitionId: definition?.id, status, occurredAt: { gte, lt } },
  });
  return counted + voided;
}
