import { Card } from "@/components/ui/card";
import { canCompareWithLastMonth } from "@/domain/invoicing/account-status";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney } from "@/domain/money";
import { formatDate } from "@/lib/format";
import { FigureLink } from "./figure-link";
import { formatChange, formatCount } from "./figures";
import { outcomesHref } from "./outcome-links";
import type { Billing, Dashboard } from "./types";

/** The live draft's total, the cap on usage charges, and last month at the same point. */
export function MonthToDateCard({ dashboard, billing }: { dashboard: Dashboard; billing: Billing }) {
  const { period, usage } = dashboard;
  const { currency } = billing;
  const month = { from: period.start, to: period.end };
  const money = (minor: bigint) => formatMoney(minor, currency);
  return (
    <Card title="Month-to-date charges">
      <p className="text-3xl font-semibold tracking-tight text-slate-900" data-testid="mtd-total">
        <FigureLink
          href={outcomesHref({ status: "billable", ...month })}
          label={`billable outcomes of ${periodLabel(period.start)}`}
        >
          {money(billing.totalMinor)}
        </FigureLink>
      </p>
      <p className="mt-1 text-sm text-slate-600">
        Draft invoice for {periodLabel(period.start)}, day {period.dayOfMonth} of {period.daysInPeriod}; contract
        version {billing.contractVersion}.
      </p>
      <dl className="mt-4 grid grid-cols-3 gap-3 text-sm">
        <div>
          <dt className="text-slate-600">Billable outcomes</dt>
          <dd className="text-lg font-semibold" data-testid="mtd-billable">
            <FigureLink
              href={outcomesHref({ status: "billable", ...month })}
              label={`billable outcomes of ${periodLabel(period.start)}`}
            >
              {formatCount(usage.billable)}
            </FigureLink>
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Attempts</dt>
          <dd className="text-lg font-semibold">
            <FigureLink href={outcomesHref(month)} label={`all attempts of ${periodLabel(period.start)}`}>
              {formatCount(usage.attempts)}
            </FigureLink>
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Still pending</dt>
          <dd className="text-lg font-semibold">
            <FigureLink
              href={outcomesHref({ status: "pending", ...month })}
              label={`pending outcomes of ${periodLabel(period.start)}`}
            >
              {formatCount(usage.pending)}
            </FigureLink>
          </dd>
        </div>
      </dl>
      <CapMeter billing={billing} />
      <LastMonth billing={billing} usage={usage} />
    </Card>
  );
}

function CapMeter({ billing }: { billing: Billing }) {
  const { capMinor, usageBeforeCapMinor, currency } = billing;
  if (capMinor === null) {
    return (
      <p className="mt-4 text-sm text-slate-600">
        No cap: usage charges of {formatMoney(usageBeforeCapMinor, currency)} so far are billed in full.
      </p>
    );
  }
  // A share of the bar's width only: the amounts beside it are exact.
  const used = capMinor === 0n ? 100 : Math.min(100, Number((usageBeforeCapMinor * 1000n) / capMinor) / 10);
  const reached = usageBeforeCapMinor >= capMinor;
  return (
    <div className="mt-4">
      <div className="flex justify-between text-sm">
        <span className="text-slate-600">Usage charges against the monthly cap</span>
        <span className="tabular-nums text-slate-900">
          {formatMoney(usageBeforeCapMinor, currency)} of {formatMoney(capMinor, currency)}
          <span className="sr-only"> ({used.toFixed(1)}% of the cap used)</span>
        </span>
      </div>
      <div aria-hidden="true" className="mt-2 h-2.5 overflow-hidden rounded-full bg-slate-100">
        <div className={`h-full ${reached ? "bg-amber-500" : "bg-brand-600"}`} style={{ width: `${used}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {reached
          ? "Cap reached: further usage this month is not charged (the adjustment line on the invoice takes it off)."
          : `${formatMoney(capMinor - usageBeforeCapMinor, currency)} of usage left before the cap. The platform fee is not capped.`}
      </p>
    </div>
  );
}

function LastMonth({ billing, usage }: { billing: Billing; usage: Dashboard["usage"] }) {
  const last = billing.lastMonth;
  if (!last) {
    return (
      <p className="mt-4 text-sm text-slate-600">
        No contract was in force last month, so there is nothing to compare.
      </p>
    );
  }
  const through = new Date(last.to.getTime() - 86_400_000);
  const change = last.changePercent;
  return (
    <div className="mt-4 border-t border-slate-100 pt-3 text-sm">
      <p className="text-slate-600">
        Same point last month ({formatDate(last.from)} to {formatDate(through)}):{" "}
        <FigureLink
          href={outcomesHref({ status: "billable", from: last.from, to: last.to })}
          label={`billable outcomes from ${formatDate(last.from)} to ${formatDate(through)}`}
        >
          {formatMoney(last.totalMinor, billing.currency)}
        </FigureLink>{" "}
        for {formatCount(last.billable)} billable outcomes.
      </p>
      <p className="mt-1 font-medium text-slate-900" data-testid="mtd-change">
        {!canCompareWithLastMonth(usage)
          ? usage.attempts === 0
            ? "No comparison yet: no attempts this month so far."
            : `No comparison yet: ${formatCount(usage.pending)} of this month's ${formatCount(usage.attempts)} attempts are still pending, while last month's are counted as decided.`
          : change === null
            ? "No charges at that point last month."
            : `${formatChange(change)} compared with the same point last month`}
        {billing.charges.late_items !== 0n &&
          ` (late items of ${formatMoney(billing.charges.late_items, billing.currency)} left out: they belong to earlier months)`}
      </p>
      <p className="mt-1 text-xs text-slate-500">
        Last month&apos;s outcomes as they stand today, rated with last month&apos;s contract.
      </p>
    </div>
  );
}
