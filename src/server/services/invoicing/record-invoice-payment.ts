// A provider admin (or the provider's back office over REST) records money received against a
// finalized invoice. Partial payments add up; a payment above what is outstanding is refused,
// so the books never show an invoice paid twice.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { outstandingMinor } from "@/domain/invoicing/payment-terms";
import { currencyPrecision, formatMoney, toMajorUnits, toMinorUnits } from "@/domain/money";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { isoDay } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { DecimalAmount } from "@/server/services/ingestion/ingest-event-schema";
import { lockBookedInvoice } from "./internal/booked-invoice";

export const RecordPaymentInput = z.strictObject({
  invoiceId: z.uuid(),
  amount: DecimalAmount.refine((a) => /[1-9]/.test(a), "Record an amount above zero."),
  paidOn: isoDay("Give the day the payment arrived as YYYY-MM-DD."),
});

export async function recordInvoicePayment({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor;
  input: z.input<typeof RecordPaymentInput>;
  now?: Date;
}) {
  const { invoiceId, amount, paidOn } = RecordPaymentInput.parse(input);
  if (paidOn > now.toISOString().slice(0, 10)) {
    throw new AppError("VALIDATION_FAILED", "A payment cannot arrive in the future.", [
      { path: "paidOn", message: "Give today or an earlier day." },
    ]);
  }
  return transaction(async (tx) => {
    const invoice = await lockBookedInvoice(tx, actor, invoiceId);
    if (invoice.voided) throw new AppError("CONFLICT", `${invoice.number} is void: it takes no payments.`);
    const amountMinor = toMinorUnits(amount, invoice.currency);
    if (!toMajorUnits(amountMinor, invoice.currency).eq(amount)) {
      const digits = currencyPrecision(invoice.currency);
      throw new AppError("VALIDATION_FAILED", `${invoice.currency} amounts have ${digits} decimals.`, [
        { path: "amount", message: `At most ${digits} decimals in ${invoice.currency}.` },
      ]);
    }
    const owed = invoice.netDueMinor - invoice.walletMinor;
    const outstanding = outstandingMinor(owed, invoice.paidMinor);
    if (amountMinor > outstanding) {
      const left = formatMoney(outstanding, invoice.currency);
      throw new AppError("VALIDATION_FAILED", `Only ${left} of ${invoice.number} is outstanding.`, [
        { path: "amount", message: `At most ${left}.` },
      ]);
    }
    const payment = await tx.invoicePayment.create({
      data: {
        customerId: invoice.customerId,
        invoiceId,
        amountMinor,
        paidOn: new Date(`${paidOn}T00:00:00Z`),
        recordedAt: now,
        recordedBy: actorLabel(actor),
      },
    });
    const paidMinor = invoice.paidMinor + amountMinor;
    await appendAuditEntry(tx, {
      actor,
      action: "invoice.payment_recorded",
      subjectType: "invoice",
      subjectId: invoiceId,
      customerId: invoice.customerId,
      after: { number: invoice.number, amountMinor, currency: invoice.currency, paidOn, paidMinor },
    });
    return { payment, paidMinor, outstandingMinor: outstandingMinor(owed, paidMinor) };
  });
}
