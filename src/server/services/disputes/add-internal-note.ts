// Provider staff write an internal note on a dispute: for each other, never for the customer.
// Only staff procedures reach it, and the table's row security lets no customer scope read it.
// The audit entry carries no customer id, so the customer's audit trail does not list it either.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { findDisputeInScope } from "./find-dispute-in-scope";

export const AddInternalNoteInput = z.strictObject({
  disputeId: z.uuid("The dispute id is a UUID."),
  body: text().trim().min(1, "Write the note first.").max(10_000, "Keep a note under 10,000 characters."),
});

export async function addInternalNote({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor & { kind: "user" };
  input: z.input<typeof AddInternalNoteInput>;
  now?: Date;
}) {
  const { disputeId, body } = AddInternalNoteInput.parse(input);
  const dispute = await findDisputeInScope(actor, disputeId);
  return transaction(async (tx) => {
    const note = await tx.disputeNote.create({
      data: {
        disputeId,
        customerId: dispute.customerId,
        authorId: actor.userId,
        authorLabel: actorLabel(actor),
        body,
        createdAt: now,
      },
      select: { id: true, authorLabel: true, body: true, createdAt: true },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "dispute.internal_note_added",
      subjectType: "dispute_note",
      subjectId: note.id,
      customerId: null,
      after: { disputeId, number: dispute.number, body },
    });
    return note;
  });
}
