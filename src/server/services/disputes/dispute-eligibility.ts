// Which outcomes can be disputed, and why the others cannot: only billable outcomes on a bill
// (a draft, or a finalized invoice within the contract's dispute window counted from its
// finalization), not fully credited yet, and not already in an undecided dispute.
import { periodStartOf } from "@/domain/invoicing/periods";
import { Dec } from "@/domain/money";
import type { Tx } from "@/server/db";

export type RefusalReason = "not_billed" | "outside_window" | "fully_credited" | "in_open_dispute" | "not_found";

export interface EligibleOutcome {
  attemptId: string;
  subject: string;
  definitionId: string;
  definitionKey: string;
  periodStart: Date;
  occurredAt: Date;
  /** The invoice it is on; null for a draft whose invoice row does not exist yet. */
  invoiceId: string | null;
  finalized: boolean;
  /** What is left to credit of it (1 unless an earlier dispute credited part). */
  disputedShare: string;
}

export interface Refusal {
  reason: RefusalReason;
  count: number;
  message: string;
  /** A few subjects, so the customer recognises which ones. */
  samples: string[];
}

interface Candidate {
  id: string;
  subject: string;
  definitionId: string;
  definitionKey: string;
  occurredAt: Date;
  status: "pending" | "billable" | "not_billable";
  eventCount: number;
  billedInvoiceId: string | null;
  billedStatus: "pending" | "billable" | "not_billable" | null;
  credited: string | null;
  openDispute: string | null;
}

const MESSAGES: Record<RefusalReason, (n: number) => string> = {
  not_billed: (n) =>
    `${n === 1 ? "It is" : `${n} are`} not billed as outcomes (pending, not billable, or waiting to be billed as a late item), so there is nothing to credit.`,
  outside_window: (n) => `${n === 1 ? "Its" : `${n} are on invoices whose`} dispute window has closed.`,
  fully_credited: (n) => `${n === 1 ? "It is" : `${n} are`} already fully credited.`,
  in_open_dispute: (n) => `${n === 1 ? "It is" : `${n} are`} already in an open dispute.`,
  not_found: (n) => `${n === 1 ? "It was" : `${n} were`} not found among your company's outcomes.`,
};

export async function assessOutcomes(
  tx: Tx,
  customerId: string,
  attemptIds: readonly string[],
  now: Date,
): Promise<{ eligible: EligibleOutcome[]; refused: Refusal[] }> {
  const ids = [...new Set(attemptIds)];
  const candidates = await tx.$queryRaw<Candidate[]>`
    SELECT a."id", a."subject", a."definitionId", d."key" AS "definitionKey", a."occurredAt", a."status",
      a."eventCount", a."billedInvoiceId", a."billedStatus",
      (SELECT sum(o."creditShare")::text FROM disputed_outcome o
        WHERE o."attemptId" = a."id" AND o."creditShare" > 0) AS "credited",
      (SELECT s."number" FROM disputed_outcome o JOIN dispute s ON s."id" = o."disputeId"
        WHERE o."attemptId" = a."id" AND o."state" = 'undecided' LIMIT 1) AS "openDispute"
    FROM attempt a JOIN outcome_definition d ON d."id" = a."definitionId"
    WHERE a."customerId" = ${customerId}::uuid AND a."id" = ANY(${ids}::text[]::uuid[])
    ORDER BY a."occurredAt", a."id"`;

  const periods = [...new Set(candidates.map((c) => periodStartOf(c.occurredAt).getTime()))].map((t) => new Date(t));
  const billedIds = [...new Set(candidates.flatMap((c) => (c.billedInvoiceId ? [c.billedInvoiceId] : [])))];
  const invoices = await tx.invoice.findMany({
    where: { customerId, OR: [{ periodStart: { in: periods } }, { id: { in: billedIds } }] },
    select: { id: true, number: true, periodStart: true, status: true, finalizedAt: true },
  });
  const byPeriod = new Map(invoices.map((i) => [i.periodStart.getTime(), i]));
  const byId = new Map(invoices.map((i) => [i.id, i]));
  const windowDays = await disputeWindows(
    tx,
    customerId,
    invoices.map((i) => i.periodStart),
  );

  const refused = new Map<RefusalReason, { count: number; samples: string[]; closed: string[] }>();
  const refuse = (reason: RefusalReason, subject: string, detail?: string) => {
    const r = refused.get(reason) ?? { count: 0, samples: [], closed: [] };
    r.count += 1;
    if (r.samples.length < 5) r.samples.push(subject);
    if (detail && !r.closed.includes(detail) && r.closed.length < 3) r.closed.push(detail);
    refused.set(reason, r);
  };
  const eligible: EligibleOutcome[] = [];
  for (const c of candidates) {
    const periodStart = periodStartOf(c.occurredAt);
    const periodInvoice = byPeriod.get(periodStart.getTime());
    let invoice: { id: string; finalized: boolean } | null = null;
    if (c.status !== "billable" || c.eventCount === 0) {
      refuse("not_billed", c.subject);
      continue;
    }
    if (c.billedInvoiceId) {
      const billedOn = byId.get(c.billedInvoiceId);
      if (c.billedStatus !== "billable" || !billedOn) {
        refuse("not_billed", c.subject);
        continue;
      }
      const days = windowDays.get(billedOn.periodStart.getTime()) ?? 0;
      const closesAt = new Date(billedOn.finalizedAt!.getTime() + days * 86_400_000);
      if (now >= closesAt) {
        refuse("outside_window", c.subject, `${billedOn.number} closed on ${closesAt.toISOString().slice(0, 10)}`);
        continue;
      }
      invoice = { id: billedOn.id, finalized: true };
    } else if (periodInvoice?.status === "finalized") {
      // Billable now, but its period was billed without it: a late item for the next invoice.
      refuse("not_billed", c.subject);
      continue;
    } else {
      invoice = periodInvoice ? { id: periodInvoice.id, finalized: false } : null;
    }
    const left = new Dec(1).minus(c.credited ?? 0);
    if (left.lte(0)) {
      refuse("fully_credited", c.subject);
      continue;
    }
    if (c.openDispute) {
      refuse("in_open_dispute", c.subject, c.openDispute);
      continue;
    }
    eligible.push({
      attemptId: c.id,
      subject: c.subject,
      definitionId: c.definitionId,
      definitionKey: c.definitionKey,
      periodStart,
      occurredAt: c.occurredAt,
      invoiceId: invoice?.id ?? null,
      finalized: invoice?.finalized ?? false,
      disputedShare: left.toFixed(),
    });
  }
  const missing = ids.length - candidates.length;
  if (missing > 0) refused.set("not_found", { count: missing, samples: [], closed: [] });
  return {
    eligible,
    refused: [...refused.entries()].map(([reason, r]) => ({
      reason,
      count: r.count,
      message:
        MESSAGES[reason](r.count) +
        (r.closed.length > 0
          ? reason === "outside_window"
            ? ` (${r.closed.join("; ")})`
            : ` (${r.closed.join(", ")})`
          : ""),
      samples: r.samples,
    })),
  };
}

/** The dispute window in days of the contract in force for each period. */
async function disputeWindows(tx: Tx, customerId: string, periods: Date[]): Promise<Map<number, number>> {
  if (periods.length === 0) return new Map();
  const contracts = await tx.contract.findMany({
    where: { customerId },
    orderBy: { effectiveFrom: "asc" },
    select: { effectiveFrom: true, disputeWindowDays: true },
  });
  return new Map(
    periods.map((p) => {
      const inForce = contracts.filter((c) => c.effectiveFrom <= p).at(-1);
      return [p.getTime(), inForce?.disputeWindowDays ?? 0];
    }),
  );
}
