// A provider admin cancels a finalized invoice that should never have been issued. The invoice
// itself never changes (it stays numbered and readable); a void record beside it says so.
// Refused once money was recorded against it or prepaid credits paid it: that is a credit
// note's job (which gives prepaid credits back to the wallet).
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { lockBookedInvoice } from "./internal/booked-invoice";

export const VoidInvoiceInput = z.strictObject({
  invoiceId: z.uuid(),
  reason: text().trim().min(3, "Say why the invoice is void; the customer reads it.").max(2_000),
});

export async function voidInvoice({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor;
  input: z.input<typeof VoidInvoiceInput>;
  now?: Date;
}) {
  const { invoiceId, reason } = VoidInvoiceInput.parse(input);
  return transaction(async (tx) => {
    const invoice = await lockBookedInvoice(tx, actor, invoiceId);
    if (invoice.voided) throw new AppError("CONFLICT", `${invoice.number} is void already.`);
    if (invoice.paymentCount > 0) {
      throw new AppError("CONFLICT", `${invoice.number} has payments recorded: credit it with a credit note instead.`);
    }
    if (invoice.walletMinor > 0n) {
      throw new AppError(
        "CONFLICT",
        `${invoice.number} was paid from prepaid credits: credit it with a credit note instead, which gives them back to the wallet.`,
      );
    }
    const voided = await tx.invoiceVoid.create({
      data: { invoiceId, customerId: invoice.customerId, reason, voidedAt: now, voidedBy: actorLabel(actor) },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "invoice.voided",
      subjectType: "invoice",
      subjectId: invoiceId,
      customerId: invoice.customerId,
      after: { number: invoice.number, reason },
    });
    return voided;
  });
}
