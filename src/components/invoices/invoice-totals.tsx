import { formatMoney } from "@/domain/money";

/** Total, credits and what is left to pay, as a definition list a screen reader reads in pairs. */
export function InvoiceTotals({
  totalMinor,
  creditedMinor,
  netDueMinor,
  currency,
}: {
  totalMinor: bigint;
  creditedMinor: bigint;
  netDueMinor: bigint;
  currency: string;
}) {
  return (
    <dl className="ml-auto w-full max-w-sm space-y-2 rounded-xl border border-slate-200 bg-white p-5 text-sm shadow-sm">
      <div className="flex justify-between gap-4">
        <dt className="text-slate-600">Total</dt>
        <dd className="tabular-nums text-slate-900">{formatMoney(totalMinor, currency)}</dd>
      </div>
      <div className="flex justify-between gap-4">
        <dt className="text-slate-600">Credits</dt>
        <dd className="tabular-nums text-slate-900">
          {creditedMinor > 0n ? `−${formatMoney(creditedMinor, currency)}` : formatMoney(0n, currency)}
        </dd>
      </div>
      <div className="flex justify-between gap-4 border-t border-slate-200 pt-2 text-base font-semibold">
        <dt className="text-slate-900">Net due</dt>
        <dd className="tabular-nums text-slate-900" data-testid="net-due">
          {formatMoney(netDueMinor, currency)}
        </dd>
      </div>
    </dl>
  );
}
