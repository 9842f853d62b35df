// A message in a dispute's thread, from the customer's finance user or a provider reviewer.
// The other side is notified: the customer's finance users, or the assignee (every reviewer
// while nobody is assigned).
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { isProviderRole } from "@/domain/roles";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { notifyCustomerFinance, notifyProviderStaff } from "@/server/services/notifications/notify";
import { findDisputeInScope } from "./find-dispute-in-scope";

export const ReplyInput = z.strictObject({
  disputeId: z.uuid("The dispute id is a UUID."),
  body: text().trim().min(1, "Write a message first.").max(10_000, "Keep a message under 10,000 characters."),
});

export async function replyToDispute({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor & { kind: "user" };
  input: z.input<typeof ReplyInput>;
  now?: Date;
}) {
  const { disputeId, body } = ReplyInput.parse(input);
  const provider = isProviderRole(actor.role);
  if (!provider && actor.role !== "finance") {
    throw new AppError("FORBIDDEN", "Only your company's finance users can write in a dispute.");
  }
  const dispute = await findDisputeInScope(actor, disputeId);
  return transaction(async (tx) => {
    const message = await tx.disputeMessage.create({
      data: {
        disputeId,
        customerId: dispute.customerId,
        authorId: actor.userId,
        authorLabel: actorLabel(actor),
        side: provider ? "provider" : "customer",
        body,
        createdAt: now,
      },
    });
    await tx.dispute.update({ where: { id: disputeId }, data: { lastActivityAt: now } });
    await appendAuditEntry(tx, {
      actor,
      action: "dispute.message_posted",
      subjectType: "dispute",
      subjectId: disputeId,
      customerId: dispute.customerId,
      after: { number: dispute.number, side: message.side, body },
    });
    const excerpt = body.length > 140 ? `${body.slice(0, 139)}…` : body;
    if (provider) {
      await notifyCustomerFinance(tx, dispute.customerId, {
        kind: "dispute.reply",
        title: `Reply on ${dispute.number} from the provider`,
        body: excerpt,
        link: `/disputes/${disputeId}`,
      });
    } else {
      await notifyProviderStaff(
        tx,
        dispute.customerId,
        { kind: "dispute.reply", title: `Reply on ${dispute.number}`, body: excerpt, link: `/review/${disputeId}` },
        { userIds: dispute.assigneeId ? [dispute.assigneeId] : undefined },
      );
    }
    return message;
  });
}
