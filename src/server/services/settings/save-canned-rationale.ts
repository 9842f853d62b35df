// An admin writes (or rewrites) a rationale reviewers can start from for one root cause; the
// decision form offers them for the root cause chosen. Audited like every setting.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { ROOT_CAUSES } from "@/domain/disputes/dispute-terms";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";

export const SaveCannedRationaleInput = z.strictObject({
  /** Absent: a new one. */
  id: z.uuid("The rationale id is a UUID.").optional(),
  rootCause: z.enum(ROOT_CAUSES, "Choose the root cause."),
  text: text()
    .trim()
    .min(10, "Write the rationale as the customer will read it (at least 10 characters).")
    .max(5_000, "Keep the rationale under 5,000 characters."),
});

export async function saveCannedRationale({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor;
  input: z.input<typeof SaveCannedRationaleInput>;
  now?: Date;
}) {
  const { id, rootCause, text: body } = SaveCannedRationaleInput.parse(input);
  return transaction(async (tx) => {
    const before = id ? await tx.cannedRationale.findUnique({ where: { id } }) : null;
    if (id && !before) throw AppError.notFound("The rationale");
    const data = { rootCause, text: body, updatedBy: actorLabel(actor), updatedAt: now };
    const saved = id
      ? await tx.cannedRationale.update({ where: { id }, data })
      : await tx.cannedRationale.create({ data });
    await appendAuditEntry(tx, {
      actor,
      action: "provider.canned_rationale_saved",
      subjectType: "canned_rationale",
      subjectId: saved.id,
      customerId: null,
      before: before ? { rootCause: before.rootCause, text: before.text } : null,
      after: { rootCause, text: body },
    });
    return { id: saved.id, rootCause: saved.rootCause, text: saved.text };
  });
}
