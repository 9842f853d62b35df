import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { paymentTermsLabel } from "@/domain/invoicing/payment-terms";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney } from "@/domain/money";
import { formatDateTimeIn, formatDayIn } from "@/lib/format";
import type { AccountStatus, OpenPeriod } from "@/server/services/dashboard/load-account-status";
import { FigureLink } from "./figure-link";
import { formatCount } from "./figures";
import { outcomesHref } from "./outcome-links";

/** The dashboard's lead: what the customer owes, and what is coming with its pending outcomes. */
export function AccountCard({ account }: { account: AccountStatus }) {
  const { lastInvoice, currency } = account;
  const money = (minor: bigint) => formatMoney(minor, currency);
  return (
    <Card title="What you owe and what is coming">
      <div className="grid gap-6 md:grid-cols-2">
        <div data-testid="account-owed">
          <h3 className="text-sm font-medium text-slate-600">Amount due</h3>
          {lastInvoice ? (
            <>
              <p className="mt-1 text-3xl font-semibold tracking-tight text-slate-900 tabular-nums">
                {money(lastInvoice.dueMinor)}
              </p>
              <p className="mt-1 text-sm text-slate-700">
                {lastInvoice.paymentStatus === "paid" ? (
                  <>Paid in full</>
                ) : lastInvoice.paymentStatus === "void" ? (
                  <>Void: nothing to pay</>
                ) : (
                  <>
                    {lastInvoice.paymentStatus === "overdue" ? "Overdue since" : "Due"}{" "}
                    <strong>{formatDayIn(lastInvoice.dueAt, account.timeZone)}</strong> (
                    {paymentTermsLabel(lastInvoice.paymentTermsDays)})
                  </>
                )}{" "}
                on invoice{" "}
                <Link href={`/invoices/${lastInvoice.id}`} className="text-brand-700 underline">
                  {lastInvoice.number}
                </Link>{" "}
                for {periodLabel(lastInvoice.periodStart)}, finalized{" "}
                {formatDayIn(lastInvoice.finalizedAt, account.timeZone)}.
              </p>
              {(lastInvoice.creditNotesMinor > 0n ||
                lastInvoice.walletDrawnMinor > 0n ||
                lastInvoice.paidMinor > 0n) && (
                <p className="mt-1 text-sm text-slate-600">
                  Invoice total {money(lastInvoice.totalMinor)}
                  {lastInvoice.creditNotesMinor > 0n && (
                    <> less credit notes of {money(lastInvoice.creditNotesMinor)}</>
                  )}
                  {lastInvoice.walletDrawnMinor > 0n && (
                    <> less prepaid credits of {money(lastInvoice.walletDrawnMinor)}</>
                  )}
                  {lastInvoice.paidMinor > 0n && <> less payments of {money(lastInvoice.paidMinor)}</>}.
                </p>
              )}
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-700">Nothing yet: no invoice has been finalized for you.</p>
          )}
        </div>
        <div>
          <h3 className="text-sm font-medium text-slate-600">Coming</h3>
          <ul className="mt-1 space-y-3">
            {account.openPeriods.map((period) => (
              <OpenPeriodItem
                key={period.periodStart.toISOString()}
                period={period}
                currency={currency}
                timeZone={account.timeZone}
              />
            ))}
          </ul>
        </div>
      </div>
    </Card>
  );
}

function OpenPeriodItem({ period, currency, timeZone }: { period: OpenPeriod; currency: string; timeZone: string }) {
  const month = periodLabel(period.periodStart);
  const { pending } = period;
  return (
    <li className="text-sm text-slate-700" data-testid="account-coming">
      <p>
        <strong className="text-slate-900">{month}</strong>:{" "}
        {period.totalMinor === null ? (
          "no contract in force, nothing is billed"
        ) : (
          <>
            {period.invoiceId ? (
              <Link href={`/invoices/${period.invoiceId}`} className="text-brand-700 underline">
                draft invoice
              </Link>
            ) : (
              "draft invoice"
            )}{" "}
            at <span className="tabular-nums text-slate-900">{formatMoney(period.totalMinor, currency)}</span> so far
            {period.finalizesAt && <>, finalizes on {formatDateTimeIn(period.finalizesAt, timeZone)}</>}.
          </>
        )}
      </p>
      {pending.count > 0 && (
        <p className="mt-0.5 text-slate-600" data-testid="account-pending">
          <FigureLink
            href={outcomesHref({ status: "pending", from: period.periodStart, to: period.periodEnd })}
            label={`pending outcomes of ${month}`}
          >
            {formatCount(pending.count)} {pending.count === 1 ? "outcome is" : "outcomes are"} pending
          </FigureLink>
          : not charged until{" "}
          {pending.count === 1 ? "its observation window closes" : "their observation windows close"}
          {pending.windowsCloseFrom && pending.windowsCloseBy && (
            <>
              {" "}
              ({closingRange(pending.windowsCloseFrom, pending.windowsCloseBy, timeZone)}), and then only if billable.
            </>
          )}
        </p>
      )}
    </li>
  );
}

function closingRange(from: Date, by: Date, timeZone: string): string {
  return from.getTime() === by.getTime()
    ? `at ${formatDateTimeIn(from, timeZone)}`
    : `between ${formatDateTimeIn(from, timeZone)} and ${formatDateTimeIn(by, timeZone)}`;
}
