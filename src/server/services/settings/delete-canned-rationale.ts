// An admin removes a canned rationale; decisions that used its words keep them.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";

export const DeleteCannedRationaleInput = z.strictObject({ id: z.uuid("The rationale id is a UUID.") });

export async function deleteCannedRationale({
  actor,
  input,
}: {
  actor: Actor;
  input: z.input<typeof DeleteCannedRationaleInput>;
}) {
  const { id } = DeleteCannedRationaleInput.parse(input);
  return transaction(async (tx) => {
    const before = await tx.cannedRationale.findUnique({ where: { id } });
    if (!before) throw AppError.notFound("The rationale");
    await tx.cannedRationale.delete({ where: { id } });
    await appendAuditEntry(tx, {
      actor,
      action: "provider.canned_rationale_deleted",
      subjectType: "canned_rationale",
      subjectId: id,
      customerId: null,
      before: { rootCause: before.rootCause, text: before.text },
    });
    return { deleted: true };
  });
}
