// What an accounts-payable team books an invoice by, beside its lines: both parties' legal
// details, the issue, due and dispute-by dates from the contract's terms, the PO number, the
// payments recorded and the payment status. Read with the invoice, so the page, the PDF and
// REST show the same facts.
import { DEFAULT_INVOICE_TERMS, invoiceDates, paymentFacts, paymentTermsLabel } from "@/domain/invoicing/payment-terms";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import {
  DEFAULT_PROVIDER_NAME,
  type LegalDetails,
  providerLegalDetails,
} from "@/server/services/settings/get-provider-settings";

interface InvoiceRead {
  id: string | null;
  status: "draft" | "finalized";
  periodStart: Date;
  finalizedAt: Date | null;
  contractId: string | null;
  netDueMinor: bigint;
  customer: { name: string; timezone: string } & LegalDetails;
}

export type Party = { name: string } & LegalDetails;

/** Who an invoice is from and to, and the zone its times are printed in. */
export interface InvoiceParties {
  seller: Party;
  buyer: Party;
  timeZone: string;
}

/** The parties as they stand now: a draft shows these, and finalization keeps them with the invoice. */
export async function partiesNow(
  customer: { name: string; timezone: string } & LegalDetails,
  client: Pick<ReturnType<typeof db>, "providerSettings"> = db(),
): Promise<InvoiceParties> {
  const settings = await client.providerSettings.findUnique({
    where: { id: 1 },
    select: { name: true, legalName: true, address: true, taxId: true },
  });
  return {
    seller: { name: settings?.name ?? DEFAULT_PROVIDER_NAME, ...providerLegalDetails(settings) },
    buyer: { name: customer.name, legalName: customer.legalName, address: customer.address, taxId: customer.taxId },
    timeZone: customer.timezone,
  };
}

/** The parties a finalized invoice was issued with (stored at finalization), else null. */
export function partiesAsIssued(stored: { seller: unknown; buyer: unknown; issuedTimeZone: string | null } | null) {
  if (!stored?.seller || !stored.buyer || !stored.issuedTimeZone) return null;
  // Written by finalization from `partiesNow`: JSON of exactly this shape.
  return {
    seller: stored.seller as unknown as Party,
    buyer: stored.buyer as unknown as Party,
    timeZone: stored.issuedTimeZone,
  } satisfies InvoiceParties;
}

export async function invoiceBooking(invoice: InvoiceRead, now = clock.now()) {
  const [contract, stored, live] = await Promise.all([
    invoice.contractId
      ? db().contract.findUnique({
          where: { id: invoice.contractId },
          select: { paymentTermsDays: true, disputeWindowDays: true, graceDays: true },
        })
      : null,
    invoice.id
      ? db().invoice.findUnique({
          where: { id: invoice.id },
          select: {
            poNumber: true,
            payments: { orderBy: [{ paidOn: "asc" }, { recordedAt: "asc" }] },
            voided: true,
            walletDrawnMinor: true,
            seller: true,
            buyer: true,
            issuedTimeZone: true,
          },
        })
      : null,
    partiesNow(invoice.customer),
  ]);
  // A finalized invoice prints what it was issued with, whatever the settings say today.
  const parties = partiesAsIssued(stored) ?? live;
  const terms = contract ?? DEFAULT_INVOICE_TERMS;
  const dates = invoiceDates(invoice, terms);
  const payments = stored?.payments ?? [];
  return {
    ...dates,
    paymentTermsDays: terms.paymentTermsDays,
    paymentTerms: paymentTermsLabel(terms.paymentTermsDays),
    disputeWindowDays: terms.disputeWindowDays,
    poNumber: stored?.poNumber ?? null,
    payments,
    voided: stored?.voided ?? null,
    ...paymentFacts({
      finalized: invoice.status === "finalized",
      voided: Boolean(stored?.voided),
      netDueMinor: invoice.netDueMinor,
      payments,
      walletDrawnMinor: stored?.walletDrawnMinor ?? 0n,
      dueAt: dates.dueAt,
      now,
    }),
    seller: parties.seller,
    buyer: parties.buyer,
    /** The customer's IANA zone: every instant of the invoice is shown in it. */
    timeZone: parties.timeZone,
  };
}
