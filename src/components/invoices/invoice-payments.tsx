import { Card } from "@/components/ui/card";
import { formatMoney } from "@/domain/money";
import { formatDate, formatDateTimeIn } from "@/lib/format";
import type { InvoiceBookingView } from "./invoice-booking-view";
import { RecordPaymentForm } from "./record-payment-form";
import { VoidInvoiceForm } from "./void-invoice-form";

/** The payments recorded against a finalized invoice, and the admin's forms to record one or void it. */
export function InvoicePayments({ invoice, admin }: { invoice: InvoiceBookingView; admin: boolean }) {
  const b = invoice.booking;
  const money = (minor: bigint) => formatMoney(minor, invoice.currency);
  return (
    <Card title="Payments">
      <div className="space-y-4 text-sm">
        {b.voided && (
          <p role="status" className="rounded-lg border border-slate-300 bg-slate-50 px-4 py-3 text-slate-800">
            <span className="font-semibold">Void</span> since {formatDateTimeIn(b.voided.voidedAt, b.timeZone)} (
            {b.voided.voidedBy}): {b.voided.reason}
          </p>
        )}
        {b.payments.length === 0 ? (
          <p className="text-slate-600">No payment recorded yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {b.payments.map((p) => (
              <li key={p.id} className="flex flex-col gap-1 py-2 first:pt-0 sm:flex-row sm:justify-between">
                <span className="text-slate-700">
                  Received {formatDate(p.paidOn)}
                  <span className="block text-xs text-slate-500">
                    Recorded {formatDateTimeIn(p.recordedAt, b.timeZone)} by {p.recordedBy}
                  </span>
                </span>
                <span className="whitespace-nowrap font-medium tabular-nums text-slate-900">
                  {money(p.amountMinor)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {admin && !b.voided && (
          <div className="flex flex-wrap gap-3">
            {b.outstandingMinor > 0n && (
              <RecordPaymentForm invoiceId={invoice.id!} outstanding={money(b.outstandingMinor)} />
            )}
            {b.payments.length === 0 && b.walletDrawnMinor === 0n && <VoidInvoiceForm invoiceId={invoice.id!} />}
          </div>
        )}
      </div>
    </Card>
  );
}
