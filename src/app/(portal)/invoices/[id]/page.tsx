import type { Metadata } from "next";
import { CommitmentCard } from "@/components/dashboard/commitment-card";
import { CreditNoteList } from "@/components/invoices/credit-note-list";
import { DraftNotice } from "@/components/invoices/draft-notice";
import { FinalizeInvoiceButton } from "@/components/invoices/finalize-invoice-button";
import { InvoiceBookingFacts } from "@/components/invoices/invoice-booking-facts";
import { InvoiceDownloads } from "@/components/invoices/invoice-downloads";
import { InvoiceLinesTable } from "@/components/invoices/invoice-lines-table";
import { InvoicePayments } from "@/components/invoices/invoice-payments";
import { InvoiceStatusBadge } from "@/components/invoices/invoice-status-badge";
import { InvoiceTotals } from "@/components/invoices/invoice-totals";
import { IssueCreditNoteForm } from "@/components/invoices/issue-credit-note-form";
import { PaymentStatusBadge } from "@/components/invoices/payment-status-badge";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney } from "@/domain/money";
import { formatDateTimeIn } from "@/lib/format";
import { clock } from "@/server/clock";
import { foundOr404 } from "@/server/trpc/found-or-404";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await serverCaller();
  const [me, invoice, commitment] = await Promise.all([
    caller.session.me(),
    foundOr404(caller.invoices.byId({ invoiceId: id })),
    foundOr404(caller.invoices.commitment({ invoiceId: id })),
  ]);
  const period = periodLabel(invoice.periodStart);
  const title = invoice.number ?? `Draft invoice for ${period}`;
  const ended = invoice.periodEnd <= clock.now();
  const admin = me.role === "admin";
  const zone = invoice.booking.timeZone;
  return (
    <>
      <Link href="/invoices" className="text-sm text-brand-700 hover:underline">
        ← All invoices
      </Link>
      <PageHeader
        title={title}
        description={
          <>
            <span className="mr-2">
              {invoice.booking.buyer.name} · {period} (UTC calendar month)
            </span>
            <InvoiceStatusBadge status={invoice.status} />
            {invoice.booking.paymentStatus && (
              <span className="ml-2">
                <PaymentStatusBadge status={invoice.booking.paymentStatus} />
              </span>
            )}
            {invoice.finalizedAt && (
              <span className="mt-1 block">
                Finalized {formatDateTimeIn(invoice.finalizedAt, zone)}
                {invoice.finalizedBy && ` by ${invoice.finalizedBy}`}.
              </span>
            )}
          </>
        }
        actions={<InvoiceDownloads invoiceId={id} title={title} />}
      />
      <div className="space-y-6">
        {invoice.status === "draft" && (
          <DraftNotice
            pending={invoice.pending}
            ended={ended}
            finalizesAt={invoice.booking.finalizesAt}
            timeZone={zone}
          />
        )}
        {admin && invoice.status === "draft" && ended && (
          <FinalizeInvoiceButton customerId={invoice.customerId} periodStart={invoice.periodStart} period={period} />
        )}
        <InvoiceBookingFacts invoice={invoice} canEditPoNumber={me.role === "finance" && invoice.status === "draft"} />
        {commitment && <CommitmentCard commitment={commitment} />}
        <Card title="Lines">
          {invoice.lines.length === 0 ? (
            <p className="text-sm text-slate-600">Nothing is charged for {period} yet.</p>
          ) : (
            <InvoiceLinesTable invoiceId={id} lines={invoice.lines} currency={invoice.currency} title={title} />
          )}
        </Card>
        <InvoiceTotals
          credits={invoice}
          currency={invoice.currency}
          settlement={invoice.status === "finalized" ? invoice.booking : null}
        />
        <Card title="Credit notes">
          <div className="space-y-4">
            <CreditNoteList
              creditNotes={invoice.creditNotes}
              disputeCreditsMinor={invoice.disputeCreditsMinor}
              currency={invoice.currency}
              timeZone={zone}
            />
            {admin && invoice.status === "finalized" && invoice.number && (
              <IssueCreditNoteForm
                invoiceId={id}
                invoiceNumber={invoice.number}
                remaining={formatMoney(invoice.netDueMinor, invoice.currency)}
              />
            )}
          </div>
        </Card>
        {invoice.status === "finalized" && <InvoicePayments invoice={invoice} admin={admin} />}
      </div>
    </>
  );
}
