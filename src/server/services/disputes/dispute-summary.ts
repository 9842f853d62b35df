// The dashboard's disputes figures for one customer: what is open, what is at stake, and what
// has been credited, on this period's draft and overall. Credits are both kinds, as on every
// invoice (`invoiceCredits`): dispute credits on invoices (finalized lines, live drafts) and
// credit notes. Sums run in SQL; drafts are computed live, as their invoice pages are.
import { invoiceCredits } from "@/domain/invoicing/credit-notes";
import { periodStartOf } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { contractInForce } from "@/server/services/contracts/find-contract";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";

export async function summarizeDisputes({ customerId, now = clock.now() }: { customerId: string; now?: Date }) {
  const periodStart = periodStartOf(now);
  const [customer, open, underDispute, onDraft, overall, finalized, drafts] = await Promise.all([
    db().customer.findUniqueOrThrow({ where: { id: customerId }, select: { currency: true } }),
    db().dispute.count({ where: { customerId, status: "open" } }),
    db().disputedOutcome.aggregate({
      where: { customerId, state: "undecided" },
      _count: { _all: true },
      _sum: { atStakeMinor: true },
    }),
    // Outcomes credited on this period's draft: decided, not settled by a credit note.
    db().disputedOutcome.count({ where: { customerId, periodStart, creditNoteId: null, creditShare: { gt: 0 } } }),
    db().dispute.count({ where: { customerId } }),
    finalizedCredits(customerId),
    draftPeriods(customerId, periodStart),
  ]);
  const draftCredits = await Promise.all(
    drafts.map(async (start) => ({
      start,
      ...invoiceCredits((await computeInvoice(customerId, start)).lines, 0n),
    })),
  );
  const onThisDraft = draftCredits.find((d) => d.start.getTime() === periodStart.getTime());
  return {
    currency: customer.currency,
    periodStart,
    openDisputes: open,
    totalDisputes: overall,
    outcomesUnderDispute: underDispute._count._all,
    atStakeMinor: underDispute._sum.atStakeMinor ?? 0n,
    creditedThisPeriod: { outcomes: onDraft, amountMinor: onThisDraft?.creditedMinor ?? 0n },
    creditedOverallMinor: finalized + draftCredits.reduce((s, d) => s + d.creditedMinor, 0n),
  };
}

/** Credits on finalized invoices: their dispute-credit lines and their credit notes. */
async function finalizedCredits(customerId: string): Promise<bigint> {
  const [row] = await db().$queryRaw<{ minor: bigint }[]>`
    SELECT (coalesce((SELECT -sum(l."amountMinor") FROM invoice_line l JOIN invoice i ON i."id" = l."invoiceId"
        WHERE l."customerId" = ${customerId}::uuid AND i."customerId" = ${customerId}::uuid
          AND i."status" = 'finalized' AND l."kind" = 'dispute_credit'), 0)
      + coalesce((SELECT sum("creditNotesMinor") FROM invoice WHERE "customerId" = ${customerId}::uuid), 0))::bigint AS "minor"`;
  return row?.minor ?? 0n;
}

/** The periods billed on drafts: draft invoices, and the current period when a contract is in force. */
async function draftPeriods(customerId: string, current: Date): Promise<Date[]> {
  const rows = await db().invoice.findMany({ where: { customerId, status: "draft" }, select: { periodStart: true } });
  const starts = rows.map((r) => r.periodStart);
  const hasCurrent = starts.some((s) => s.getTime() === current.getTime());
  if (!hasCurrent && (await contractInForce(customerId, current))) starts.push(current);
  return starts;
}
