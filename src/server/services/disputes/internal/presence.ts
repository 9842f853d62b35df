// Who else has a dispute's review page open, read for the queue's rows and the page itself.
import { presentSince } from "@/domain/disputes/presence";
import { db } from "@/server/db";

/** Per dispute, the names of the other staff whose heartbeat is within the presence window. */
export async function lookersOf(disputeIds: readonly string[], exceptUserId: string, now: Date) {
  const rows =
    disputeIds.length === 0
      ? []
      : await db().disputePresence.findMany({
          where: {
            disputeId: { in: [...disputeIds] },
            userId: { not: exceptUserId },
            seenAt: { gte: presentSince(now) },
          },
          orderBy: [{ seenAt: "asc" }],
          select: { disputeId: true, userLabel: true },
        });
  const byDispute = new Map<string, string[]>();
  for (const row of rows) byDispute.set(row.disputeId, [...(byDispute.get(row.disputeId) ?? []), row.userLabel]);
  return byDispute;
}
