// The customer's finance user writes their purchase-order number on the draft, so that their
// accounts-payable team can match the invoice. Finalization freezes it with the rest of the
// invoice; after that a change is refused in words, not by the database's trigger.
import { z } from "zod";
import { customerScopeOf, scopedToCustomer } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";

export const PurchaseOrderNumberInput = z.strictObject({
  invoiceId: z.uuid(),
  /** Empty clears it. */
  poNumber: text().trim().max(100, "Keep the PO number under 100 characters."),
});

export async function setPurchaseOrderNumber({
  actor,
  input,
}: {
  actor: Actor;
  input: z.input<typeof PurchaseOrderNumberInput>;
}) {
  const parsed = PurchaseOrderNumberInput.parse(input);
  const { invoiceId } = parsed;
  const poNumber = parsed.poNumber || null;
  return transaction(async (tx) => {
    const scope = scopedToCustomer(customerScopeOf(actor));
    const visible = await tx.invoice.findFirst({ where: { id: invoiceId, ...scope }, select: { id: true } });
    if (!visible) throw AppError.notFound("The invoice");
    // Locked, so a finalization cannot slip in between the check and the write.
    await tx.$queryRaw`SELECT "id" FROM invoice WHERE "id" = ${invoiceId}::uuid FOR UPDATE`;
    const before = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    if (before.status === "finalized") {
      throw new AppError(
        "CONFLICT",
        `${before.number} is finalized: its PO number can no longer change. Ask the provider for a credit note and a new invoice if it must.`,
        [{ path: "poNumber", message: "Finalized invoices never change." }],
      );
    }
    if (before.poNumber === poNumber) return { poNumber, changed: false };
    await tx.invoice.update({ where: { id: invoiceId }, data: { poNumber } });
    await appendAuditEntry(tx, {
      actor,
      action: "invoice.po_number_changed",
      subjectType: "invoice",
      subjectId: invoiceId,
      customerId: before.customerId,
      before: { poNumber: before.poNumber },
      after: { poNumber },
    });
    return { poNumber, changed: true };
  });
}
