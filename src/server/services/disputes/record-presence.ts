// The review page's heartbeat: "I am looking at this dispute", at the server's clock (never the
// browser's), answered with who else is. Heartbeats older than an hour are forgotten on the way.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { findDisputeInScope } from "./find-dispute-in-scope";
import { lookersOf } from "./internal/presence";

export const PresenceInput = z.strictObject({ disputeId: z.uuid("The dispute id is a UUID.") });

export async function recordPresence({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor & { kind: "user" };
  input: z.input<typeof PresenceInput>;
  now?: Date;
}) {
  const { disputeId } = PresenceInput.parse(input);
  await findDisputeInScope(actor, disputeId);
  await transaction(async (tx) => {
    // The name alone ("Ana Reviewer"), as a colleague knows them.
    const { name } = await tx.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true } });
    await tx.disputePresence.upsert({
      where: { disputeId_userId: { disputeId, userId: actor.userId } },
      create: { disputeId, userId: actor.userId, userLabel: name, seenAt: now },
      update: { seenAt: now, userLabel: name },
    });
    await tx.disputePresence.deleteMany({ where: { seenAt: { lt: new Date(now.getTime() - 3_600_000) } } });
  });
  const others = await lookersOf([disputeId], actor.userId, now);
  return { others: others.get(disputeId) ?? [] };
}
