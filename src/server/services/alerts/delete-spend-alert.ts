// A finance user removes one of their company's spend alerts (its firings go with it).
import { z } from "zod";
import { canSeeCustomer, customerScopeOf } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";

export const DeleteSpendAlertInput = z.object({ alertId: z.uuid("Name the alert by its id.") });
export type DeleteSpendAlertInput = z.input<typeof DeleteSpendAlertInput>;

export async function deleteSpendAlert({
  actor,
  customerId,
  input,
}: {
  actor: Actor;
  customerId: string;
  input: DeleteSpendAlertInput;
}) {
  const { alertId } = DeleteSpendAlertInput.parse(input);
  if (!canSeeCustomer(customerScopeOf(actor), customerId)) throw AppError.notFound("The spend alert");
  return transaction(async (tx) => {
    // Scoped by customer: another company's alert is not found, never forbidden.
    const alert = await tx.spendAlert.findFirst({
      where: { id: alertId, customerId },
      select: { id: true, kind: true, threshold: true },
    });
    if (!alert) throw AppError.notFound("The spend alert");
    await tx.spendAlert.delete({ where: { id: alert.id } });
    await appendAuditEntry(tx, {
      actor,
      action: "spend_alert.deleted",
      subjectType: "spend_alert",
      subjectId: alert.id,
      customerId,
      before: { kind: alert.kind, threshold: alert.threshold.toString() },
    });
    return { id: alert.id };
  });
}
