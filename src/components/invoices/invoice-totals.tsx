import type { InvoiceCredits } from "@/domain/invoicing/credit-notes";
import { formatMoney } from "@/domain/money";

/** What has paid a finalized invoice so far (invoice-booking.ts `paymentFacts`). */
export interface InvoiceSettlement {
  walletDrawnMinor: bigint;
  paidMinor: bigint;
  outstandingMinor: bigint;
}

/**
 * Charges, credits and what is left to pay, as a definition list a screen reader reads in
 * pairs. Credits are both kinds: the draft's dispute credits and the credit notes. A finalized
 * invoice that prepaid credits paid shows them below the net due, with what remains outstanding.
 */
export function InvoiceTotals({
  credits,
  currency,
  settlement = null,
}: {
  credits: InvoiceCredits;
  currency: string;
  settlement?: InvoiceSettlement | null;
}) {
  const money = (minor: bigint) => formatMoney(minor, currency);
  const minus = (minor: bigint) => (minor > 0n ? `−${money(minor)}` : money(0n));
  return (
    <dl
      className="ml-auto w-full max-w-sm space-y-2 rounded-xl border border-slate-200 bg-white p-5 text-sm shadow-sm"
      data-testid="invoice-totals"
    >
      <div className="flex justify-between gap-4">
        <dt className="text-slate-600">Charges</dt>
        <dd className="tabular-nums text-slate-900">{money(credits.chargesMinor)}</dd>
      </div>
      <div className="flex justify-between gap-4">
        <dt className="text-slate-600">Credits</dt>
        <dd className="tabular-nums text-slate-900" data-testid="credits">
          {minus(credits.creditedMinor)}
        </dd>
      </div>
      {credits.creditedMinor > 0n && (
        <>
          <div className="flex justify-between gap-4 pl-4 text-xs">
            <dt className="text-slate-500">Dispute credits</dt>
            <dd className="tabular-nums text-slate-600">{minus(credits.disputeCreditsMinor)}</dd>
          </div>
          <div className="flex justify-between gap-4 pl-4 text-xs">
            <dt className="text-slate-500">Credit notes</dt>
            <dd className="tabular-nums text-slate-600">{minus(credits.creditNotesMinor)}</dd>
          </div>
        </>
      )}
      <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 text-base font-semibold">
        <dt className="text-slate-900">Net due</dt>
        <dd className="tabular-nums text-slate-900" data-testid="net-due">
          {money(credits.netDueMinor)}
        </dd>
      </div>
      {settlement && settlement.walletDrawnMinor > 0n && (
        <>
          <div className="flex justify-between gap-4">
            <dt className="text-slate-600">Paid from prepaid credits</dt>
            <dd className="tabular-nums text-slate-900" data-testid="wallet-drawn">
              {minus(settlement.walletDrawnMinor)}
            </dd>
          </div>
          {settlement.paidMinor > 0n && (
            <div className="flex justify-between gap-4">
              <dt className="text-slate-600">Payments</dt>
              <dd className="tabular-nums text-slate-900">{minus(settlement.paidMinor)}</dd>
            </div>
          )}
          <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 font-semibold">
            <dt className="text-slate-900">Outstanding</dt>
            <dd className="tabular-nums text-slate-900" data-testid="outstanding">
              {money(settlement.outstandingMinor)}
            </dd>
          </div>
        </>
      )}
    </dl>
  );
}
