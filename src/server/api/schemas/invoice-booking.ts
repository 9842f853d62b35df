// The REST v1 fields an accounts-payable team books an invoice by (added to InvoiceDetail),
// and the payment resource. Money as everywhere: decimal strings in major units.
import { z } from "zod";
import { PAYMENT_STATUSES } from "@/domain/invoicing/payment-terms";
import type { InvoiceDocument } from "@/server/services/invoicing/exports/invoice-document";
import { RecordPaymentInput } from "@/server/services/invoicing/record-invoice-payment";
import { money } from "./money";

const Money = z.string().describe('Decimal string in major units of `currency`, e.g. "54.20".');
const Instant = z.string().describe("An ISO 8601 instant in UTC.");

const Party = z.object({
  name: z.string(),
  legalName: z.string().nullable(),
  address: z.string().nullable().describe("Lines separated by newlines."),
  taxId: z.string().nullable(),
});

export const InvoicePayment = z.object({
  id: z.uuid(),
  amount: Money,
  paidOn: z.string().describe("The day the payment arrived, YYYY-MM-DD."),
  recordedAt: Instant,
  recordedBy: z.string(),
});

export const INVOICE_BOOKING_SHAPE = {
  issuedAt: Instant.nullable().describe("The issue date: when the invoice was finalized. Null for a draft."),
  finalizesAt: Instant.describe(
    "For a draft: when it will be finalized (the period's end plus the contract's grace days). Else its finalization.",
  ),
  paymentTerms: z.object({
    days: z.number().int().describe("Net days from issue to due."),
    label: z.string().describe('e.g. "Net 30".'),
  }),
  dueAt: Instant.nullable().describe("Issue + the payment terms. Null for a draft."),
  disputeBy: Instant.nullable().describe(
    "Issue + the contract's dispute window: the last instant to dispute an outcome on it.",
  ),
  timeZone: z.string().describe("The customer's IANA time zone, in which the portal and the PDF show these times."),
  poNumber: z
    .string()
    .nullable()
    .describe("The customer's purchase-order number, set by its finance user until finalization."),
  seller: Party.describe("The provider's legal details."),
  buyer: Party.describe("The customer's legal details."),
  paymentStatus: z
    .enum(PAYMENT_STATUSES)
    .nullable()
    .describe(
      "`open`, `paid` (prepaid credits and payments cover the net due), `overdue` (unpaid from `dueAt` on) or `void`; null for a draft, which is not a request for payment.",
    ),
  paid: Money.describe("The sum of the payments recorded."),
  walletDrawn: Money.describe(
    "Paid from prepaid credits: drawn from the customer's wallet at finalization, less what credit notes gave back to the wallet. Counted like a payment; the lines and total stay as rated.",
  ),
  outstanding: Money.describe("Net due less walletDrawn less paid, never below zero."),
  payments: z.array(InvoicePayment),
  void: z.object({ reason: z.string(), voidedAt: Instant, voidedBy: z.string() }).nullable(),
};

export const PaymentRequest = RecordPaymentInput.omit({ invoiceId: true });

export const PaymentRecorded = z.object({
  payment: InvoicePayment,
  paymentStatus: z.enum(PAYMENT_STATUSES),
  paid: Money,
  outstanding: Money,
});

type Payment = InvoiceDocument["booking"]["payments"][number];

export function toInvoicePayment(p: Payment, currency: string): z.infer<typeof InvoicePayment> {
  return {
    id: p.id,
    amount: money(p.amountMinor, currency),
    paidOn: p.paidOn.toISOString().slice(0, 10),
    recordedAt: p.recordedAt.toISOString(),
    recordedBy: p.recordedBy,
  };
}

export function toInvoiceBooking(invoice: InvoiceDocument) {
  const b = invoice.booking;
  const iso = (at: Date | null) => at?.toISOString() ?? null;
  return {
    issuedAt: iso(b.issuedAt),
    finalizesAt: b.finalizesAt.toISOString(),
    paymentTerms: { days: b.paymentTermsDays, label: b.paymentTerms },
    dueAt: iso(b.dueAt),
    disputeBy: iso(b.disputeBy),
    timeZone: b.timeZone,
    poNumber: b.poNumber,
    seller: b.seller,
    buyer: b.buyer,
    paymentStatus: b.paymentStatus,
    paid: money(b.paidMinor, invoice.currency),
    walletDrawn: money(b.walletDrawnMinor, invoice.currency),
    outstanding: money(b.outstandingMinor, invoice.currency),
    payments: b.payments.map((p) => toInvoicePayment(p, invoice.currency)),
    void: b.voided && {
      reason: b.voided.reason,
      voidedAt: b.voided.voidedAt.toISOString(),
      voidedBy: b.voided.voidedBy,
    },
  } satisfies { [K in keyof typeof INVOICE_BOOKING_SHAPE]: z.infer<(typeof INVOICE_BOOKING_SHAPE)[K]> };
}
