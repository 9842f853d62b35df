// Assigning a dispute to a reviewer (or to nobody). The assignee is told, unless they assigned it
// to themselves.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { notifyProviderStaff } from "@/server/services/notifications/notify";

export const AssignInput = z.strictObject({
  disputeId: z.uuid("The dispute id is a UUID."),
  /** null: unassign. */
  assigneeId: z.uuid("The assignee id is a UUID.").nullable(),
});

export async function assignDispute({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor & { kind: "user" };
  input: z.input<typeof AssignInput>;
  now?: Date;
}) {
  const { disputeId, assigneeId } = AssignInput.parse(input);
  return transaction(async (tx) => {
    const [dispute] = await tx.$queryRaw<{ number: string; customerId: string; assigneeId: string | null }[]>`
      SELECT "number", "customerId", "assigneeId" FROM dispute WHERE "id" = ${disputeId}::uuid FOR UPDATE`;
    if (!dispute) throw AppError.notFound("The dispute");
    const assignee = assigneeId
      ? await tx.user.findFirst({
          where: { id: assigneeId, role: { in: ["admin", "reviewer"] }, disabledAt: null },
          select: { id: true, name: true, email: true },
        })
      : null;
    if (assigneeId && !assignee) {
      throw new AppError("VALIDATION_FAILED", "Disputes can be assigned to active reviewers and admins only.", [
        { path: "assigneeId", message: "Not an active reviewer." },
      ]);
    }
    if (dispute.assigneeId === assigneeId) return { changed: false };
    await tx.dispute.update({ where: { id: disputeId }, data: { assigneeId, lastActivityAt: now } });
    await appendAuditEntry(tx, {
      actor,
      action: "dispute.assigned",
      subjectType: "dispute",
      subjectId: disputeId,
      customerId: dispute.customerId,
      before: { assigneeId: dispute.assigneeId },
      after: { number: dispute.number, assigneeId, assignee: assignee?.name ?? null },
    });
    if (assignee) {
      await notifyProviderStaff(
        tx,
        dispute.customerId,
        {
          kind: "dispute.assigned",
          title: `${dispute.number} was assigned to you`,
          body: "Open it to see the claim beside the evidence.",
          link: `/review/${disputeId}`,
        },
        { userIds: [assignee.id], except: actor.kind === "user" ? actor.userId : undefined },
      );
    }
    return { changed: true };
  });
}
