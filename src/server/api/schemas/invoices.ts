// REST v1 shapes of invoices, their lines' outcomes and credit notes. Money is a decimal
// string in the currency's major units, with exactly the currency's own precision.
import { z } from "zod";
import { INVOICE_LINE_KINDS, type InvoiceLineKind } from "@/domain/rating/contract-terms";
import type { InvoiceDocument } from "@/server/services/invoicing/exports/invoice-document";
import type { getCreditNoteById } from "@/server/services/invoicing/find-credit-notes";
import type { InvoiceSummary as InvoiceSummaryRow } from "@/server/services/invoicing/find-invoices";
import { ManualCreditNoteInput } from "@/server/services/invoicing/issue-credit-note";
import { LineOutcomesInput, type listLineOutcomes } from "@/server/services/invoicing/list-line-outcomes";
import { CustomerPathParams } from "./customers";
import { INVOICE_BOOKING_SHAPE, toInvoiceBooking } from "./invoice-booking";
import { money } from "./money";

const STATUSES = ["pending", "billable", "not_billable"] as const;

const Money = z.string().describe('Decimal string in major units of `currency`, e.g. "54.20".');
const Month = z.string().describe('A billing period as "YYYY-MM" (UTC).');

export const InvoiceListQuery = z.strictObject({
  customer: CustomerPathParams.shape.externalId.describe("The customer's external id."),
});
export const InvoicePathParams = z.object({ id: z.uuid("The invoice id is a UUID.").describe("The invoice's id.") });
export const InvoiceLinePathParams = InvoicePathParams.extend({
  position: LineOutcomesInput.shape.position.describe("The line's position on the invoice, from 0."),
});
export const LineOutcomesQuery = LineOutcomesInput.pick({ cursor: true, limit: true });
export const CreditNotePathParams = z.object({
  id: z.uuid("The credit note id is a UUID.").describe("The credit note's id."),
});
export const CreditNoteListQuery = InvoiceListQuery;
export const CreditNoteRequest = ManualCreditNoteInput;

export const InvoiceSummary = z.object({
  id: z.uuid(),
  customer: z.string().describe("The customer's external id."),
  period: Month,
  status: z.enum(["draft", "finalized"]).describe("`draft`: computed live until the period is finalized."),
  number: z.string().nullable().describe("Gapless per year, e.g. INV-2026-000123; null for a draft."),
  currency: z.string().length(3),
  total: Money.describe("The sum of the invoice's lines, its dispute-credit line included."),
  charges: Money.describe("What the invoice charged before any credit: its lines other than dispute credits."),
  credited: Money.describe(
    "Credits of both kinds: the dispute credits on the invoice (its dispute_credit line) plus its credit notes.",
  ),
  disputeCredits: Money.describe("The dispute credits on the invoice itself (decided while it was a draft)."),
  creditNotesTotal: Money.describe("The sum of the credit notes issued against the invoice once finalized."),
  netDue: Money.describe("charges less credited (= total less creditNotesTotal)."),
  finalizedAt: z.string().nullable(),
  // The same figures as the invoice's own (GET /invoices/{id}), so a list can be reconciled as it is.
  finalizesAt: INVOICE_BOOKING_SHAPE.finalizesAt,
  dueAt: INVOICE_BOOKING_SHAPE.dueAt,
  paymentStatus: INVOICE_BOOKING_SHAPE.paymentStatus,
  paid: INVOICE_BOOKING_SHAPE.paid,
  walletDrawn: INVOICE_BOOKING_SHAPE.walletDrawn,
  outstanding: INVOICE_BOOKING_SHAPE.outstanding,
});

export const InvoiceList = z.object({ data: z.array(InvoiceSummary) });

export const InvoiceLineBody = z.object({
  position: z.number().int(),
  kind: z.enum(INVOICE_LINE_KINDS),
  description: z.string(),
  quantity: z
    .string()
    .nullable()
    .describe(
      "Exact decimal; null for an adjustment line (`price_minimum`, `price_maximum`, `cap_adjustment`, `minimum_true_up`, `price_discount`, `invoice_discount`, `dispute_credit`, `late_items`). For `outcomes` the outcomes counted, except a package rounded up or down: the blocks charged (the description says how many outcomes); for `tier_flat_fee` 1.",
    ),
  unitPrice: z
    .string()
    .nullable()
    .describe(
      "Exact decimal in major units; null for an adjustment line, which is an amount, not a quantity at a price.",
    ),
  amount: Money.describe(
    "For a line with a unit price, quantity × unitPrice, rounded once, half-even, to the currency's minor units (always exactly). A `tier_flat_fee` line is 1 × a tier's flat fee, charged once when the period's count enters the tier. For an adjustment line, its own amount, explained by `description`: `price_minimum` and `price_maximum` bring one definition's outcome charges up to its price's minimum or down to its maximum, `cap_adjustment` brings usage charges down to the monthly cap (negative), `minimum_true_up` brings platform fee plus usage up to the minimum commitment, `price_discount` is a contract discount off one definition's outcome charges (negative, before the cap), `invoice_discount` a contract discount off the whole invoice (negative, after the cap and the true-up), neither ever more than what it applies to, `dispute_credit` is what the credited outcomes cost (negative), `late_items` what outcomes of a finalized period add to it.",
  ),
  tier: z
    .object({ from: z.number().int(), to: z.number().int().nullable() })
    .nullable()
    .describe(
      "For a graduated tier's line: the range of outcomes it prices (from 1, inclusive; to null: the rest). Each outcome is priced at the tier its rank in the period falls in.",
    ),
  sourcePeriod: Month.nullable().describe("For late items: the finalized period they belong to."),
  outcomes: z.string().nullable().describe("Where to list the outcomes behind the line; null when none are."),
});

export const CreditNoteSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  issuedAt: z.string(),
  reason: z.string(),
  amount: Money,
});

export const InvoiceDetail = InvoiceSummary.extend({
  customerName: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  pendingAttempts: z
    .number()
    .int()
    .describe("For a draft: attempts still in their observation window, not billable yet. 0 once finalized."),
  lines: z.array(InvoiceLineBody),
  creditNotes: z.array(CreditNoteSummary),
  downloads: z.object({ pdf: z.string(), linesCsv: z.string(), outcomesCsv: z.string() }),
}).extend(INVOICE_BOOKING_SHAPE);

export const LineOutcome = z.object({
  id: z.uuid().describe("The attempt's id: GET /api/v1/attempts/{id} has its evidence trail."),
  subject: z.string(),
  definition: z.string(),
  definitionVersion: z.number().int(),
  occurredAt: z.string(),
  status: z.enum(STATUSES).describe("The outcome as it stands now."),
  billedAs: z
    .enum(STATUSES)
    .nullable()
    .describe("As billed on this invoice (finalized) or as it would be billed now (draft); null: not counted."),
});

export const LineOutcomesPage = z.object({
  line: InvoiceLineBody,
  traced: z.boolean().describe("False for lines that are not counts of outcomes (platform fee, cap, minimum)."),
  note: z.string().nullable().describe("Why an untraced line has no outcomes."),
  data: z.array(LineOutcome),
  nextCursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on the last page."),
});

export const CreditNoteBody = CreditNoteSummary.extend({
  customer: z.string().describe("The customer's external id."),
  invoice: z.object({ id: z.uuid(), number: z.string().nullable() }),
  currency: z.string().length(3),
  issuedBy: z.string(),
  lines: z.array(
    z.object({
      description: z.string(),
      amount: Money,
      attemptId: z.uuid().nullable().describe("The credited outcome."),
    }),
  ),
});

export const CreditNoteList = z.object({ data: z.array(CreditNoteBody) });

export { money };

const month = (at: Date) => at.toISOString().slice(0, 7);
const invoicePath = (id: string) => `/api/v1/invoices/${id}`;

export function toInvoiceSummary(i: InvoiceSummaryRow, customer: string): z.infer<typeof InvoiceSummary> {
  return {
    id: i.id,
    customer,
    period: month(i.periodStart),
    status: i.status,
    number: i.number,
    currency: i.currency,
    total: money(i.totalMinor, i.currency),
    charges: money(i.chargesMinor, i.currency),
    credited: money(i.creditedMinor, i.currency),
    disputeCredits: money(i.disputeCreditsMinor, i.currency),
    creditNotesTotal: money(i.creditNotesMinor, i.currency),
    netDue: money(i.netDueMinor, i.currency),
    finalizedAt: i.finalizedAt?.toISOString() ?? null,
    finalizesAt: i.payment.finalizesAt.toISOString(),
    dueAt: i.payment.dueAt?.toISOString() ?? null,
    paymentStatus: i.payment.status,
    paid: money(i.payment.paidMinor, i.currency),
    walletDrawn: money(i.payment.walletDrawnMinor, i.currency),
    outstanding: money(i.payment.outstandingMinor, i.currency),
  };
}

type Line = Pick<
  InvoiceDocument["lines"][number],
  "position" | "kind" | "description" | "quantity" | "unitPrice" | "amountMinor" | "tierFrom" | "tierTo"
> & { sourcePeriodStart: Date | null };

const TRACED = new Set(["attempts", "outcomes", "late_items"]);

export function toInvoiceLine(invoiceId: string, l: Line, currency: string): z.infer<typeof InvoiceLineBody> {
  return {
    position: l.position,
    kind: l.kind as InvoiceLineKind,
    description: l.description,
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    amount: money(l.amountMinor, currency),
    tier: l.tierFrom === null ? null : { from: l.tierFrom, to: l.tierTo },
    sourcePeriod: l.sourcePeriodStart ? month(l.sourcePeriodStart) : null,
    outcomes: TRACED.has(l.kind) ? `${invoicePath(invoiceId)}/lines/${l.position}/outcomes` : null,
  };
}

export function toInvoiceDetail(invoice: InvoiceDocument): z.infer<typeof InvoiceDetail> {
  const id = invoice.id!;
  const { currency } = invoice;
  const totalMinor = invoice.totalMinor ?? 0n;
  return {
    ...toInvoiceSummary(
      {
        ...invoice,
        id,
        totalMinor,
        payment: {
          status: invoice.booking.paymentStatus,
          finalizesAt: invoice.booking.finalizesAt,
          dueAt: invoice.booking.dueAt,
          paidMinor: invoice.booking.paidMinor,
          walletDrawnMinor: invoice.booking.walletDrawnMinor,
          outstandingMinor: invoice.booking.outstandingMinor,
        },
      },
      invoice.customer.externalId,
    ),
    customerName: invoice.booking.buyer.name,
    periodStart: invoice.periodStart.toISOString(),
    periodEnd: invoice.periodEnd.toISOString(),
    pendingAttempts: invoice.pending,
    lines: invoice.lines.map((l) => toInvoiceLine(id, l, currency)),
    creditNotes: invoice.creditNotes.map((c) => ({
      id: c.id,
      number: c.number,
      issuedAt: c.issuedAt.toISOString(),
      reason: c.reason,
      amount: money(c.amountMinor, currency),
    })),
    ...toInvoiceBooking(invoice),
    downloads: {
      pdf: `${invoicePath(id)}/pdf`,
      linesCsv: `${invoicePath(id)}/lines.csv`,
      outcomesCsv: `${invoicePath(id)}/outcomes.csv`,
    },
  };
}

export function toLineOutcomesPage(page: Awaited<ReturnType<typeof listLineOutcomes>>) {
  const currency = page.invoice.currency;
  return {
    line: toInvoiceLine(page.invoice.id, page.line, currency),
    traced: page.traced,
    note: page.note,
    data: page.outcomes.map((o) => ({
      id: o.id,
      subject: o.subject,
      definition: o.definition,
      definitionVersion: o.version,
      occurredAt: o.occurredAt.toISOString(),
      status: o.status,
      billedAs: o.billedAs,
    })),
    nextCursor: page.nextCursor,
  } satisfies z.infer<typeof LineOutcomesPage>;
}

export function toCreditNote(note: Awaited<ReturnType<typeof getCreditNoteById>>): z.infer<typeof CreditNoteBody> {
  const { currency } = note.invoice;
  return {
    id: note.id,
    number: note.number,
    issuedAt: note.issuedAt.toISOString(),
    reason: note.reason,
    amount: money(note.amountMinor, currency),
    customer: note.invoice.customer.externalId,
    invoice: { id: note.invoice.id, number: note.invoice.number },
    currency,
    issuedBy: note.issuedBy,
    lines: note.lines.map((l) => ({
      description: l.description,
      amount: money(l.amountMinor, currency),
      attemptId: l.attemptId,
    })),
  };
}
