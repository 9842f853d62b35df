// Reading invoices within the actor's scope: finalized ones as written, and the drafts of
// the periods not finalized yet, computed live.

import { canSeeCustomer, customerScopeOf, scopedToCustomer } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { type InvoiceCredits, invoiceCredits } from "@/domain/invoicing/credit-notes";
import {
  DEFAULT_INVOICE_TERMS,
  type InvoiceTerms,
  invoiceDates,
  type PaymentStatus,
  paymentFacts,
} from "@/domain/invoicing/payment-terms";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { computeInvoice } from "./compute-invoice";
import { ensureDraftInvoices } from "./ensure-draft-invoices";
import { invoiceBooking } from "./invoice-booking";

export interface InvoiceSummary extends InvoiceCredits {
  id: string;
  customerId: string;
  periodStart: Date;
  status: "draft" | "finalized";
  number: string | null;
  currency: string;
  /** The sum of its lines (dispute credits included, credit notes not). */
  totalMinor: bigint;
  finalizedAt: Date | null;
  /** As on the invoice itself (invoice-booking.ts): its due date and what has been paid of it. */
  payment: {
    status: PaymentStatus | null;
    finalizesAt: Date;
    dueAt: Date | null;
    paidMinor: bigint;
    /** Prepaid credits paying it (drawn at finalization, less what credit notes gave back). */
    walletDrawnMinor: bigint;
    outstandingMinor: bigint;
  };
}

function assertScope(actor: Actor, customerId: string) {
  if (!canSeeCustomer(customerScopeOf(actor), customerId)) throw AppError.notFound("The customer");
}

export async function listInvoices({
  actor,
  customerId,
  now = clock.now(),
}: {
  actor: Actor;
  customerId: string;
  now?: Date;
}): Promise<InvoiceSummary[]> {
  assertScope(actor, customerId);
  await ensureDraftInvoices({ customerId, now });
  const invoices = await db().invoice.findMany({
    where: { customerId },
    include: {
      lines: { where: { kind: "dispute_credit" }, select: { kind: true, amountMinor: true } },
      payments: { select: { amountMinor: true } },
      voided: { select: { voidedAt: true } },
    },
    orderBy: { periodStart: "desc" },
  });
  // The invoice has no relation to its contract: read the finalized ones' terms at once.
  const contractIds = [
    ...new Set(invoices.flatMap((i) => (i.status === "finalized" && i.contractId ? [i.contractId] : []))),
  ];
  const terms = new Map(
    (
      await db().contract.findMany({
        where: { id: { in: contractIds } },
        select: { id: true, paymentTermsDays: true, disputeWindowDays: true, graceDays: true },
      })
    ).map((c) => [c.id, c]),
  );
  return Promise.all(
    invoices.map(async (i) => {
      if (i.status === "draft") {
        // A draft is under the contract in force now (as its page says), not the one it was opened under.
        const draft = await computeInvoice(customerId, i.periodStart);
        const facts = { terms: draft.contract, now };
        return { ...summaryOf(i, draft.totalMinor, draft.lines, 0n, facts), currency: draft.currency };
      }
      const facts = { terms: (i.contractId && terms.get(i.contractId)) || DEFAULT_INVOICE_TERMS, now };
      // The stored total is its lines' sum: the lines other than dispute credits are the rest of it.
      const disputeCredits = i.lines.reduce((s, l) => s + l.amountMinor, 0n);
      const lines = [...i.lines, { kind: "charges", amountMinor: i.totalMinor! - disputeCredits }];
      return summaryOf(i, i.totalMinor!, lines, i.creditNotesMinor, facts);
    }),
  );
}

function summaryOf(
  i: {
    id: string;
    customerId: string;
    periodStart: Date;
    status: "draft" | "finalized";
    number: string | null;
    currency: string;
    finalizedAt: Date | null;
    payments: readonly { amountMinor: bigint }[];
    walletDrawnMinor: bigint;
    voided: { voidedAt: Date } | null;
  },
  totalMinor: bigint,
  lines: readonly { kind: string; amountMinor: bigint }[],
  creditNotesMinor: bigint,
  { terms, now }: { terms: InvoiceTerms; now: Date },
): InvoiceSummary {
  const credits = invoiceCredits(lines, creditNotesMinor);
  const dates = invoiceDates(i, terms);
  const facts = paymentFacts({
    finalized: i.status === "finalized",
    voided: i.voided !== null,
    netDueMinor: credits.netDueMinor,
    payments: i.payments,
    walletDrawnMinor: i.walletDrawnMinor,
    dueAt: dates.dueAt,
    now,
  });
  return {
    id: i.id,
    customerId: i.customerId,
    periodStart: i.periodStart,
    status: i.status,
    number: i.number,
    currency: i.currency,
    totalMinor,
    ...credits,
    finalizedAt: i.finalizedAt,
    payment: {
      status: facts.paymentStatus,
      finalizesAt: dates.finalizesAt,
      dueAt: dates.dueAt,
      paidMinor: facts.paidMinor,
      walletDrawnMinor: facts.walletDrawnMinor,
      outstandingMinor: facts.outstandingMinor,
    },
  };
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
      creditNotes: {
        // A dispute's credit note links back to its dispute.
        include: { lines: true, disputeDecision: { select: { dispute: { select: { id: true, number: true } } } } },
        orderBy: { issuedAt: "asc" },
      },
      customer: true,
    },
  });
  if (stored?.status === "finalized") {
    return withBooking({
      ...stored,
      lines: stored.lines.map((l) => ({
        ...l,
        quantity: l.quantity?.toString() ?? null,
        unitPrice: l.unitPrice?.toString() ?? null,
      })),
      pending: 0,
      ...invoiceCredits(stored.lines, stored.creditNotesMinor),
    });
  }
  const customer = await db().customer.findUnique({ where: { id: customerId } });
  if (!customer) throw AppError.notFound("The customer");
  const draft = await computeInvoice(customerId, periodStart);
  return withBooking({
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
    ...invoiceCredits(draft.lines, 0n),
  });
}

async function withBooking<I extends Parameters<typeof invoiceBooking>[0]>(invoice: I) {
  return { ...invoice, booking: await invoiceBooking(invoice) };
}

export async function getInvoiceById({ actor, invoiceId }: { actor: Actor; invoiceId: string }) {
  const invoice = await db().invoice.findFirst({
    where: { id: invoiceId, ...scopedToCustomer(customerScopeOf(actor)) },
    select: { customerId: true, periodStart: true },
  });
  if (!invoice) throw AppError.notFound("The invoice");
  return getInvoiceForPeriod({ actor, ...invoice });
}
