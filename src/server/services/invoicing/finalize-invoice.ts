// Finalization: the period's invoice gets its gapless number and its lines are written
// exactly as computed; every attempt it billed remembers how it was billed, so any later
// change becomes a late item on the next invoice. Safe to call twice or from two instances:
// the customer's billing lock and the invoice's status make the second call a no-op.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { actorLabel } from "@/domain/actor";
import { isPeriodStart, nextPeriodStart, periodLabel } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { type Tx, transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { instant } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { anchorCheckpoint, takeCheckpoint } from "@/server/services/audit/checkpoint-audit-chain";
import { settleDraftDisputeCredits } from "@/server/services/disputes/settle-draft-credits";
import { drawWalletAtFinalization } from "@/server/services/wallet/internal/draw-at-finalization";
import { appLink, enqueueWebhook } from "@/server/services/webhooks/enqueue-webhook";
import { holdBillingLockExclusive } from "./billing-lock";
import { computeInvoice } from "./compute-invoice";
import { takeDocumentNumber } from "./document-numbers";
import { partiesNow } from "./invoice-booking";

export const FinalizeInvoiceInput = z.strictObject({
  customerId: z.uuid(),
  periodStart: instant().refine(isPeriodStart, "Name the period by its first day (the 1st of a month, 00:00 UTC)."),
});

export async function finalizeInvoice({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor;
  input: z.input<typeof FinalizeInvoiceInput>;
  now?: Date;
}): Promise<{ invoiceId: string; number: string; totalMinor: bigint; alreadyFinalized: boolean }> {
  const { customerId, periodStart } = FinalizeInvoiceInput.parse(input);
  const periodEnd = nextPeriodStart(periodStart);
  if (periodEnd > now) {
    throw new AppError(
      "VALIDATION_FAILED",
      `${periodLabel(periodStart)} is still open; it can be finalized once it has ended.`,
      [{ path: "periodStart", message: "The period has not ended." }],
    );
  }
  const finalized = await transaction(
    async (tx) => {
      await holdBillingLockExclusive(tx, customerId);
      const invoice = await draftRow(tx, customerId, periodStart, periodEnd);
      if (invoice.status === "finalized") {
        return {
          invoiceId: invoice.id,
          number: invoice.number!,
          totalMinor: invoice.totalMinor!,
          alreadyFinalized: true,
          checkpoint: null,
        };
      }
      const computed = await computeInvoice(customerId, periodStart, tx);
      const number = await takeDocumentNumber(tx, "INV", now);
      // Lines first: once the invoice is finalized the database refuses any new line.
      await tx.invoiceLine.createMany({
        data: computed.lines.map((l, position) => ({
          invoiceId: invoice.id,
          customerId,
          position,
          kind: l.kind,
          definitionId: l.definitionId,
          description: l.description,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          amountMinor: l.amountMinor,
          tierFrom: l.tier?.from ?? null,
          tierTo: l.tier?.to ?? null,
          sourcePeriodStart: l.sourcePeriodStart,
        })),
      });
      // The invoice keeps who it is from and to as of now: later edits of either never reach it.
      const customer = await tx.customer.findUniqueOrThrow({ where: { id: customerId } });
      const parties = await partiesNow(customer, tx);
      // Prepaid credits pay it first, like a payment; its lines and total stay what was rated.
      const walletDrawnMinor = await drawWalletAtFinalization(
        tx,
        actor,
        {
          customerId,
          invoiceId: invoice.id,
          periodStart,
          currency: computed.currency,
          totalMinor: computed.totalMinor,
          prepaidAllowance: computed.contract.prepaidAllowance,
        },
        now,
      );
      await tx.invoice.update({
        where: { id: invoice.id },
        data: {
          seller: { ...parties.seller },
          buyer: { ...parties.buyer },
          issuedTimeZone: parties.timeZone,
          status: "finalized",
          number,
          currency: computed.currency,
          contractId: computed.contract.id,
          totalMinor: computed.totalMinor,
          walletDrawnMinor,
          finalizedAt: now,
          finalizedBy: actorLabel(actor),
        },
      });
      await recordWhatWasBilled(tx, invoice.id, customerId, periodStart, periodEnd, computed.late);
      await settleDraftDisputeCredits(tx, { invoiceId: invoice.id, customerId, periodStart });
      await appendAuditEntry(tx, {
        actor,
        action: "invoice.finalized",
        subjectType: "invoice",
        subjectId: invoice.id,
        customerId,
        after: {
          number,
          period: periodStart.toISOString().slice(0, 7),
          totalMinor: computed.totalMinor,
          currency: computed.currency,
          lines: computed.lines.length,
          walletDrawnMinor,
        },
      });
      const { externalId } = customer;
      await enqueueWebhook(tx, {
        type: "invoice.finalized",
        payload: {
          invoiceId: invoice.id,
          number,
          customerId,
          customerExternalId: externalId,
          period: periodStart.toISOString().slice(0, 7),
          currency: computed.currency,
          totalMinor: computed.totalMinor.toString(),
          finalizedAt: now.toISOString(),
          links: { invoice: appLink(`/invoices/${invoice.id}`) },
        },
      });
      // A finalized invoice is vouched for by a checkpoint from the moment it exists.
      const checkpoint = await takeCheckpoint(tx, "finalization", now);
      return { invoiceId: invoice.id, number, totalMinor: computed.totalMinor, alreadyFinalized: false, checkpoint };
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
  const { checkpoint, ...result } = finalized;
  anchorCheckpoint(checkpoint);
  return result;
}

async function draftRow(tx: Tx, customerId: string, periodStart: Date, periodEnd: Date) {
  const customer = await tx.customer.findUnique({ where: { id: customerId }, select: { currency: true } });
  if (!customer) throw AppError.notFound("The customer");
  await tx.$executeRaw`
    INSERT INTO invoice ("id", "customerId", "periodStart", "periodEnd", "status", "currency")
    VALUES (gen_random_uuid(), ${customerId}::uuid, ${periodStart}, ${periodEnd}, 'draft', ${customer.currency})
    ON CONFLICT ("customerId", "periodStart") DO NOTHING`;
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM invoice WHERE "customerId" = ${customerId}::uuid AND "periodStart" = ${periodStart} FOR UPDATE`;
  return tx.invoice.findUniqueOrThrow({ where: { id: row!.id } });
}

/** Marks the period's attempts (and the late ones) as billed, and adds to the billed counts. */
async function recordWhatWasBilled(
  tx: Tx,
  invoiceId: string,
  customerId: string,
  periodStart: Date,
  periodEnd: Date,
  late: Awaited<ReturnType<typeof computeInvoice>>["late"],
) {
  await tx.$executeRaw`
    UPDATE attempt SET "billedInvoiceId" = ${invoiceId}::uuid,
      "billedStatus" = CASE WHEN "eventCount" = 0 THEN NULL ELSE "status" END
    WHERE "customerId" = ${customerId}::uuid AND "occurredAt" >= ${periodStart} AND "occurredAt" < ${periodEnd}`;
  if (late.attempts.length > 0) {
    await tx.$executeRaw`
      UPDATE attempt SET "billedInvoiceId" = ${invoiceId}::uuid,
        "billedStatus" = CASE WHEN "eventCount" = 0 THEN NULL ELSE "status" END
      WHERE "id" = ANY(${late.attempts.map((a) => a.id)}::text[]::uuid[])`;
  }
  await tx.$executeRaw`
    INSERT INTO billed_usage ("customerId", "periodStart", "definitionId", "attempts", "billable")
    SELECT "customerId", "periodStart", "definitionId", "attempts", "billable" FROM usage_rollup
    WHERE "customerId" = ${customerId}::uuid AND "periodStart" = ${periodStart}
    ON CONFLICT ("customerId", "periodStart", "definitionId") DO UPDATE SET
      "attempts" = excluded."attempts", "billable" = excluded."billable"`;
  for (const d of late.deltas) {
    await tx.$executeRaw`
      INSERT INTO billed_usage ("customerId", "periodStart", "definitionId", "attempts", "billable")
      VALUES (${customerId}::uuid, ${d.periodStart}, ${d.definitionId}::uuid, ${d.attempts}, ${d.billable})
      ON CONFLICT ("customerId", "periodStart", "definitionId") DO UPDATE SET
        "attempts" = billed_usage."attempts" + excluded."attempts", "billable" = billed_usage."billable" + excluded."billable"`;
  }
}
