// A credit note corrects a finalized invoice without touching it. It can never credit more
// than what remains uncredited on the invoice (`remainingCredit`; the database refuses it too).
// Manual credit notes are issued here; dispute decisions issue theirs through the same
// `writeCreditNote`.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { remainingCredit } from "@/domain/invoicing/credit-notes";
import { formatMoney, toMinorUnits } from "@/domain/money";
import { walletRefundForCreditNote } from "@/domain/wallet/wallet";
import { clock } from "@/server/clock";
import { type Tx, transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { DecimalAmount } from "@/server/services/ingestion/ingest-event-schema";
import { writeGrant } from "@/server/services/wallet/internal/wallet-ledger";
import { appLink, enqueueWebhook } from "@/server/services/webhooks/enqueue-webhook";
import { takeDocumentNumber } from "./document-numbers";

export const ManualCreditNoteInput = z.strictObject({
  invoiceId: z.uuid(),
  amount: DecimalAmount.refine((a) => Number(a) > 0, "Credit an amount above zero."),
  reason: text().trim().min(3, "Give the reason the customer will read on the credit note.").max(2_000),
  attemptIds: z.array(z.uuid()).max(10_000).default([]),
});

export async function issueManualCreditNote({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor;
  input: z.input<typeof ManualCreditNoteInput>;
  now?: Date;
}) {
  const { invoiceId, amount, reason, attemptIds } = ManualCreditNoteInput.parse(input);
  return transaction(async (tx) => {
    const invoice = await lockFinalizedInvoice(tx, invoiceId);
    const amountMinor = toMinorUnits(amount, invoice.currency);
    const remaining = invoice.uncreditedMinor;
    if (amountMinor > remaining) {
      throw new AppError(
        "VALIDATION_FAILED",
        `Only ${formatMoney(remaining, invoice.currency)} of ${invoice.number} remains uncredited.`,
        [{ path: "amount", message: `At most ${formatMoney(remaining, invoice.currency)}.` }],
      );
    }
    if (attemptIds.length > 0) {
      const found = await tx.attempt.count({ where: { id: { in: attemptIds }, customerId: invoice.customerId } });
      if (found !== attemptIds.length)
        throw new AppError("VALIDATION_FAILED", "Some of the outcomes are not on this customer's bills.", [
          { path: "attemptIds", message: "Unknown outcome." },
        ]);
    }
    return writeCreditNote(tx, {
      actor,
      invoice,
      reason,
      lines: [{ description: reason, amountMinor, attemptId: attemptIds.length === 1 ? attemptIds[0]! : null }],
      auditDetail: { attemptIds },
      now,
    });
  });
}

export interface LockedInvoice {
  id: string;
  customerId: string;
  number: string;
  currency: string;
  totalMinor: bigint;
  /** The sum of the credit notes issued against it so far. */
  creditNotesMinor: bigint;
  /** The total less every credit note issued against it so far. */
  uncreditedMinor: bigint;
  /** Prepaid credits drawn at its finalization. */
  walletDrawnMinor: bigint;
}

/** Locks a finalized invoice for crediting (two credit notes at once queue here). */
export async function lockFinalizedInvoice(tx: Tx, invoiceId: string): Promise<LockedInvoice> {
  const [locked] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT "id" FROM invoice WHERE "id" = ${invoiceId}::uuid FOR UPDATE`;
  if (!locked) throw AppError.notFound("The invoice");
  const invoice = await tx.invoice.findUniqueOrThrow({ where: { id: invoiceId } });
  if (invoice.status !== "finalized") {
    throw new AppError(
      "CONFLICT",
      "Only a finalized invoice takes credit notes; a draft changes by itself as outcomes change.",
    );
  }
  return {
    id: invoice.id,
    customerId: invoice.customerId,
    number: invoice.number!,
    currency: invoice.currency,
    totalMinor: invoice.totalMinor!,
    creditNotesMinor: invoice.creditNotesMinor,
    uncreditedMinor: remainingCredit(invoice.totalMinor!, invoice.creditNotesMinor),
    walletDrawnMinor: invoice.walletDrawnMinor,
  };
}

/** Numbers, writes, audits and announces one credit note; the caller has checked the amount. */
export async function writeCreditNote(
  tx: Tx,
  {
    actor,
    invoice,
    reason,
    lines,
    disputeDecisionId = null,
    auditDetail = {},
    now,
  }: {
    actor: Actor;
    invoice: LockedInvoice;
    reason: string;
    lines: { description: string; amountMinor: bigint; attemptId: string | null }[];
    disputeDecisionId?: string | null;
    auditDetail?: Record<string, unknown>;
    now: Date;
  },
) {
  const amountMinor = lines.reduce((s, l) => s + l.amountMinor, 0n);
  const number = await takeDocumentNumber(tx, "CN", now);
  const creditNote = await tx.creditNote.create({
    data: {
      customerId: invoice.customerId,
      invoiceId: invoice.id,
      number,
      reason,
      amountMinor,
      issuedAt: now,
      issuedBy: actorLabel(actor),
      disputeDecisionId,
      lines: { create: lines.map((l) => ({ ...l, customerId: invoice.customerId })) },
    },
  });
  await appendAuditEntry(tx, {
    actor,
    action: "credit_note.issued",
    subjectType: "credit_note",
    subjectId: creditNote.id,
    customerId: invoice.customerId,
    after: { number, invoice: invoice.number, amountMinor, currency: invoice.currency, reason, ...auditDetail },
  });
  await refundWalletForCreditNote(tx, actor, invoice, { id: creditNote.id, number, amountMinor }, now);
  const { externalId } = await tx.customer.findUniqueOrThrow({ where: { id: invoice.customerId } });
  await enqueueWebhook(tx, {
    type: "credit_note.issued",
    payload: {
      creditNoteId: creditNote.id,
      number,
      invoiceId: invoice.id,
      invoiceNumber: invoice.number,
      customerId: invoice.customerId,
      customerExternalId: externalId,
      currency: invoice.currency,
      amountMinor: amountMinor.toString(),
      reason,
      issuedAt: now.toISOString(),
      links: { invoice: appLink(`/invoices/${invoice.id}`) },
    },
  });
  return creditNote;
}

/**
 * A credit note first reduces what is still owed; what the wallet paid beyond the invoice's new
 * net due goes back to the wallet as a grant that never expires ("Refund of credit note CN-…"),
 * so no prepaid money is lost (`walletRefundForCreditNote`).
 */
async function refundWalletForCreditNote(
  tx: Tx,
  actor: Actor,
  invoice: LockedInvoice,
  creditNote: { id: string; number: string; amountMinor: bigint },
  now: Date,
) {
  const refundMinor = walletRefundForCreditNote({
    walletDrawnMinor: invoice.walletDrawnMinor,
    netDueBeforeMinor: invoice.totalMinor - invoice.creditNotesMinor,
    creditNoteMinor: creditNote.amountMinor,
  });
  if (refundMinor <= 0n) return;
  const grant = await writeGrant(
    tx,
    actor,
    {
      customerId: invoice.customerId,
      currency: invoice.currency,
      kind: "refund",
      amountMinor: refundMinor,
      expiresAt: null,
      reason: `Refund of credit note ${creditNote.number} on ${invoice.number}`,
      creditNoteId: creditNote.id,
    },
    now,
  );
  await appendAuditEntry(tx, {
    actor,
    action: "wallet.refunded",
    subjectType: "wallet_grant",
    subjectId: grant!.id,
    customerId: invoice.customerId,
    after: {
      amountMinor: refundMinor,
      currency: invoice.currency,
      creditNote: creditNote.number,
      invoice: invoice.number,
    },
  });
}
