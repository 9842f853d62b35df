import { Card } from "@/components/ui/card";
import { periodLabel } from "@/domain/invoicing/periods";
import { FigureLink } from "./figure-link";
import { formatCount, formatPercent, formatUnitCost } from "./figures";
import { outcomesHref } from "./outcome-links";
import type { Dashboard } from "./types";

const shortMonth = new Intl.DateTimeFormat("en-US", { month: "short", timeZone: "UTC" });

/** Success rate this month and over six periods, and what each outcome and attempt costs. */
export function SuccessCard({ dashboard }: { dashboard: Dashboard }) {
  const { usage, period, history, billing } = dashboard;
  const month = { from: period.start, to: period.end };
  return (
    <Card title="Success rate and unit cost">
      <p className="text-3xl font-semibold tracking-tight text-slate-900" data-testid="success-rate">
        <FigureLink
          href={outcomesHref({ status: "billable", ...month })}
          label={`billable outcomes of ${periodLabel(period.start)}`}
        >
          {formatPercent(usage.successRate)}
        </FigureLink>
      </p>
      <p className="mt-1 text-sm text-slate-600">
        {formatCount(usage.billable)} billable of {formatCount(usage.attempts - usage.pending)} decided attempts this
        month. The {formatCount(usage.pending)} attempts still in their observation window are left out of the
        denominator.
      </p>
      <ol className="mt-4 grid grid-cols-6 gap-1 text-center text-xs" aria-label="Success rate, last six periods">
        {history.map((p) => (
          <li key={p.periodStart.toISOString()} className="rounded bg-slate-50 px-1 py-2">
            <span className="block text-slate-500">{shortMonth.format(p.periodStart)}</span>
            <FigureLink
              href={outcomesHref({ status: "billable", from: p.periodStart, to: p.periodEnd })}
              label={`billable outcomes of ${periodLabel(p.periodStart)}`}
            >
              {formatPercent(p.successRate)}
            </FigureLink>
          </li>
        ))}
      </ol>
      {billing && (
        <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
          <div>
            <dt className="text-slate-600">Effective cost per billable outcome</dt>
            <dd className="text-lg font-semibold" data-testid="cost-per-outcome">
              <FigureLink
                href={outcomesHref({ status: "billable", ...month })}
                label={`billable outcomes of ${periodLabel(period.start)}`}
              >
                {formatUnitCost(billing.costPerBillable, billing.currency)}
              </FigureLink>
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Effective cost per attempt</dt>
            <dd className="text-lg font-semibold">
              <FigureLink href={outcomesHref(month)} label={`all attempts of ${periodLabel(period.start)}`}>
                {formatUnitCost(billing.costPerAttempt, billing.currency)}
              </FigureLink>
            </dd>
          </div>
        </dl>
      )}
      {billing && (
        <p className="mt-2 text-xs text-slate-500">
          Month-to-date total, platform fee included, divided by the count; exact, rounded to four decimals here.
        </p>
      )}
    </Card>
  );
}
