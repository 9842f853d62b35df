// Reading invoices within the actor's scope: finalized ones as written, and the drafts of
// the periods not finalized yet, computed live.

import { canSeeCustomer, customerScopeOf, scopedToCustomer } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { computeInvoice } from "./compute-invoice";

export interface InvoiceSummary {
  id: string | null;
  customerId: string;
  periodStart: Date;
  status: "draft" | "finalized";
  number: string | null;
  currency: string;
  totalMinor: bigint;
  creditedMinor: bigint;
  netDueMinor: bigint;
  finalizedAt: Date | null;
}

function assertScope(actor: Actor, customerId: string) {
  if (!canSeeCustomer(customerScopeOf(actor), customerId)) throw AppError.notFound("The customer");
}

/** The periods from the first contract to now that are not finalized: each has a live draft. */
async function draftPeriods(customerId: string, now: Date): Promise<Date[]> {
  const first = await db().contract.findFirst({ where: { customerId }, orderBy: { effectiveFrom: "asc" } });
  if (!first) return [];
  const finalized = new Set(
    (await db().invoice.findMany({ where: { customerId, status: "finalized" }, select: { periodStart: true } })).map(
      (i) => i.periodStart.getTime(),
    ),
  );
  const periods: Date[] = [];
  for (let p = periodStartOf(first.effectiveFrom); p <= now; p = nextPeriodStart(p)) {
    if (!finalized.has(p.getTime())) periods.push(p);
  }
  return periods;
}

export async function listInvoices({
  actor,
  customerId,
  now = new Date(),
}: {
  actor: Actor;
  customerId: string;
  now?: Date;
}): Promise<InvoiceSummary[]> {
  assertScope(actor, customerId);
  const [finalized, drafts] = await Promise.all([
    db().invoice.findMany({
      where: { customerId, status: "finalized" },
      include: { creditNotes: { select: { amountMinor: true } } },
      orderBy: { periodStart: "desc" },
    }),
    draftPeriods(customerId, now),
  ]);
  const computedDrafts = await Promise.all(drafts.map((p) => computeInvoice(customerId, p)));
  const rows: InvoiceSummary[] = [
    ...computedDrafts.map((d) => ({
      id: null,
      customerId,
      periodStart: d.periodStart,
      status: "draft" as const,
      number: null,
      currency: d.currency,
      totalMinor: d.totalMinor,
      creditedMinor: 0n,
      netDueMinor: d.totalMinor,
      finalizedAt: null,
    })),
    ...finalized.map((i) => {
      const credited = i.creditNotes.reduce((s, c) => s + c.amountMinor, 0n);
      return {
        id: i.id,
        customerId,
        periodStart: i.periodStart,
        status: "finalized" as const,
        number: i.number,
        currency: i.currency,
        totalMinor: i.totalMinor!,
        creditedMinor: credited,
        netDueMinor: i.totalMinor! - credited,
        finalizedAt: i.finalizedAt,
      };
    }),
  ];
  return rows.sort((a, b) => b.periodStart.getTime() - a.periodStart.getTime());
}

/** One period's invoice with its lines and credit notes, finalized or live draft. */
export async function getInvoiceForPeriod({
  actor,
  customerId,
  periodStart,
}: {
  actor: Actor;
  customerId: string;
  periodStart: Date;
}) {
  assertScope(actor, customerId);
  const stored = await db().invoice.findUnique({
    where: { customerId_periodStart: { customerId, periodStart } },
    include: {
      lines: { orderBy: { position: "asc" } },
      creditNotes: { include: { lines: true }, orderBy: { issuedAt: "asc" } },
      customer: true,
    },
  });
  if (stored?.status === "finalized") {
    const credited = stored.creditNotes.reduce((s, c) => s + c.amountMinor, 0n);
    return {
      ...stored,
      lines: stored.lines.map((l) => ({ ...l, quantity: l.quantity.toString(), unitPrice: l.unitPrice.toString() })),
      pending: 0,
      creditedMinor: credited,
      netDueMinor: stored.totalMinor! - credited,
    };
  }
  const customer = await db().customer.findUnique({ where: { id: customerId } });
  if (!customer) throw AppError.notFound("The customer");
  const draft = await computeInvoice(customerId, periodStart);
  return {
    id: stored?.id ?? null,
    customerId,
    customer,
    periodStart,
    periodEnd: draft.periodEnd,
    status: "draft" as const,
    number: null,
    currency: draft.currency,
    totalMinor: draft.totalMinor,
    finalizedAt: null,
    finalizedBy: null,
    contractId: draft.contract.id,
    lines: draft.lines.map((l, position) => ({
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
    creditNotes: [],
    pending: draft.pending,
    creditedMinor: 0n,
    netDueMinor: draft.totalMinor,
  };
}

export async function getInvoiceById({ actor, invoiceId }: { actor: Actor; invoiceId: string }) {
  const invoice = await db().invoice.findFirst({
    where: { id: invoiceId, ...scopedToCustomer(customerScopeOf(actor)) },
    select: { customerId: true, periodStart: true },
  });
  if (!invoice) throw AppError.notFound("The invoice");
  return getInvoiceForPeriod({ actor, ...invoice });
}
