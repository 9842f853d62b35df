import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { formatMoney } from "@/domain/money";
import { formatDateTimeIn, formatDayIn, formatServicePeriod } from "@/lib/format";
import type { InvoiceBookingView } from "./invoice-booking-view";
import { LegalParty } from "./legal-party";
import { PaymentStatusBadge } from "./payment-status-badge";
import { PurchaseOrderForm } from "./purchase-order-form";

/**
 * What an accounts-payable team books the invoice by: dates, terms, PO number, payment status
 * and both parties' legal details. Every instant is in the customer's zone, which is named.
 */
export function InvoiceBookingFacts({
  invoice,
  canEditPoNumber,
}: {
  invoice: InvoiceBookingView;
  canEditPoNumber: boolean;
}) {
  const b = invoice.booking;
  const zone = b.timeZone;
  const money = (minor: bigint) => formatMoney(minor, invoice.currency);
  return (
    <Card title="Billing details">
      <div className="space-y-5">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {b.issuedAt ? (
            <Fact term="Issue date" value={formatDayIn(b.issuedAt, zone)} />
          ) : (
            <Fact term="Finalizes" value={formatDateTimeIn(b.finalizesAt, zone)} />
          )}
          <Fact
            term="Due date"
            value={b.dueAt ? formatDayIn(b.dueAt, zone) : `${b.paymentTerms} after it is issued`}
            testId="due-date"
          />
          <Fact term="Payment terms" value={b.paymentTerms} />
          <Fact term="Service period" value={formatServicePeriod(invoice.periodStart, invoice.periodEnd)} />
          <Fact
            term="Dispute by"
            value={b.disputeBy ? formatDateTimeIn(b.disputeBy, zone) : `${b.disputeWindowDays} days after it is issued`}
          />
          <Fact
            term="Payment status"
            value={
              b.paymentStatus ? (
                <span className="flex flex-wrap items-center gap-2">
                  <PaymentStatusBadge status={b.paymentStatus} />
                  <span className="text-slate-600">
                    {b.walletDrawnMinor > 0n && `${money(b.walletDrawnMinor)} from prepaid credits · `}
                    {money(b.paidMinor)} paid · {money(b.outstandingMinor)} outstanding
                  </span>
                </span>
              ) : (
                "Not a bill yet (draft)"
              )
            }
          />
        </dl>
        <PurchaseOrderForm invoiceId={invoice.id} poNumber={b.poNumber} editable={canEditPoNumber} />
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <LegalParty title="From" party={b.seller} />
          <LegalParty title="Bill to" party={b.buyer} />
        </div>
        <p className="text-xs text-slate-500">
          Times are in {zone}, the customer&apos;s time zone. Billing periods are calendar months in UTC.
        </p>
      </div>
    </Card>
  );
}

function Fact({ term, value, testId }: { term: string; value: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-slate-500">{term}</dt>
      <dd className="mt-0.5 font-medium text-slate-900" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
