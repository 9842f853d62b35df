// The customer takes a dispute back while outcomes are undecided. Decided outcomes keep their
// decisions; if none was decided the dispute is withdrawn, otherwise it is resolved with the
// rest withdrawn. The dispute row is locked, so a decision and a withdrawal cannot cross.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { notifyProviderStaff } from "@/server/services/notifications/notify";
import { appLink, enqueueWebhook } from "@/server/services/webhooks/enqueue-webhook";
import { findDisputeInScope } from "./find-dispute-in-scope";

export const WithdrawInput = z.strictObject({
  disputeId: z.uuid("The dispute id is a UUID."),
  note: text().trim().max(2_000, "Keep the note under 2,000 characters.").default(""),
});

export async function withdrawDispute({
  actor,
  customerId,
  input,
  now = clock.now(),
}: {
  actor: Actor & { kind: "user" };
  customerId: string;
  input: z.input<typeof WithdrawInput>;
  now?: Date;
}) {
  const { disputeId, note } = WithdrawInput.parse(input);
  const found = await findDisputeInScope(actor, disputeId);
  if (found.customerId !== customerId) throw AppError.notFound("The dispute");
  return transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ status: string; undecidedCount: number; outcomeCount: number }[]>`
      SELECT "status", "undecidedCount", "outcomeCount" FROM dispute WHERE "id" = ${disputeId}::uuid FOR UPDATE`;
    if (locked?.status !== "open") {
      throw new AppError(
        "CONFLICT",
        `${found.number} is already ${locked?.status ?? "closed"}; there is nothing to withdraw.`,
      );
    }
    const { count } = await tx.disputedOutcome.updateMany({
      where: { disputeId, state: "undecided" },
      data: { state: "withdrawn" },
    });
    const noneDecided = locked.undecidedCount === locked.outcomeCount;
    const status = noneDecided ? "withdrawn" : "resolved";
    await tx.dispute.update({
      where: { id: disputeId },
      data: {
        status,
        undecidedCount: 0,
        lastActivityAt: now,
        ...(noneDecided ? { withdrawnAt: now } : { resolvedAt: now }),
      },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "dispute.withdrawn",
      subjectType: "dispute",
      subjectId: disputeId,
      customerId,
      after: { number: found.number, withdrawnOutcomes: count, status, note },
    });
    await notifyProviderStaff(
      tx,
      customerId,
      {
        kind: "dispute.withdrawn",
        title: `${found.number} was withdrawn by the customer`,
        body: `${count} undecided ${count === 1 ? "outcome" : "outcomes"} withdrawn.${note ? ` “${note}”` : ""}`,
        link: `/review/${disputeId}`,
      },
      { userIds: found.assigneeId ? [found.assigneeId] : undefined },
    );
    if (status === "resolved") {
      const { externalId } = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
      await enqueueWebhook(tx, {
        type: "dispute.resolved",
        payload: {
          disputeId,
          number: found.number,
          customerId,
          customerExternalId: externalId,
          outcomes: found.outcomeCount,
          currency: found.currency,
          creditedMinor: found.creditedMinor.toString(),
          resolvedAt: now.toISOString(),
          links: { dispute: appLink(`/review/${disputeId}`) },
        },
      });
    }
    return { status, withdrawnOutcomes: count };
  });
}
