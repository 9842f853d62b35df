import { Card } from "@/components/ui/card";
import { formatMoney } from "@/domain/money";
import { formatDate } from "@/lib/format";
import { FigureLink } from "./figure-link";
import { formatCount, formatPercent } from "./figures";
import { outcomesHref } from "./outcome-links";
import type { Billing } from "./types";

/** The month-end range, with how it was made one click away. */
export function ForecastCard({ billing }: { billing: Billing }) {
  const { forecast, currency } = billing;
  const window = { from: forecast.windowFrom, to: forecast.windowTo };
  const windowLabel = `attempts from ${formatDate(window.from)} to ${formatDate(new Date(window.to.getTime() - 86_400_000))}`;
  const rate = forecast.windowSuccessRate === null ? null : forecast.windowSuccessRate.toFixed(10);
  return (
    <Card title="Forecast to month end">
      <p className="text-3xl font-semibold tracking-tight text-slate-900" data-testid="forecast-range">
        <FigureLink href={outcomesHref(window)} label={windowLabel}>
          {formatMoney(forecast.low.totalMinor, currency)} – {formatMoney(forecast.high.totalMinor, currency)}
        </FigureLink>
      </p>
      <p className="mt-1 text-sm text-slate-600">
        Most likely {formatMoney(forecast.expected.totalMinor, currency)}, for about{" "}
        {formatCount(forecast.expected.billable)} billable outcomes of {formatCount(forecast.expected.attempts)}{" "}
        attempts.
      </p>
      <details className="mt-4 rounded-lg bg-slate-50 px-3 py-2 text-sm text-slate-700">
        <summary className="cursor-pointer font-medium text-slate-900">How this forecast is made</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>
            The pace is the average number of attempts per day over the last {forecast.windowDays} full days (
            <FigureLink href={outcomesHref(window)} label={windowLabel}>
              these attempts
            </FigureLink>
            ), per outcome definition, quiet days counted as zero.
          </li>
          <li>
            That pace is projected over the {forecast.remainingDays.toFixed(1)} days left in the month. The low and high
            ends add and subtract two standard deviations of the daily counts, scaled to the days left (about a 95%
            range if days are independent).
          </li>
          <li>
            Projected and still-pending attempts become billable at the window&apos;s success rate (
            {formatPercent(rate)}).
          </li>
          <li>
            The counts are then rated with your contract exactly like the invoice, so tiers, the cap and the minimum
            commitment apply; late items already on this month&apos;s draft are included.
          </li>
        </ul>
      </details>
    </Card>
  );
}
