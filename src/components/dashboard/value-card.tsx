import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { formatMoney } from "@/domain/money";
import { formatPercent } from "./figures";
import type { Dashboard } from "./types";
import { ValueTable } from "./value-table";

/** What the billable outcomes were worth to the customer against what they were charged, and the ROI. */
export function ValueCard({ value }: { value: Dashboard["value"] }) {
  const current = value.periods.at(-1);
  return (
    <Card
      title="Value delivered"
      actions={
        <Link href="/dashboard/value-report" className="text-sm font-medium text-brand-700 hover:underline">
          Value report
        </Link>
      }
    >
      {current && (
        <dl className="mb-4 grid grid-cols-3 gap-3 text-sm">
          <div>
            <dt className="text-slate-600">Value this month</dt>
            <dd className="text-lg font-semibold" data-testid="value-current">
              {formatMoney(current.valueMinor, value.currency)}
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Charged this month</dt>
            <dd className="text-lg font-semibold">{formatMoney(current.chargedMinor, value.currency)}</dd>
          </div>
          <div>
            <dt className="text-slate-600">ROI this month</dt>
            <dd className="text-lg font-semibold" data-testid="roi-current">
              {formatPercent(current.roi)}
            </dd>
          </div>
        </dl>
      )}
      {current && current.unvaluedBillable > 0 && (
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {current.unvaluedBillable.toLocaleString("en-US")} billable outcome
          {current.unvaluedBillable === 1 ? " this month has" : "s this month have"} no value yet, so they count for
          nothing here: state what an outcome is worth to you below.
        </p>
      )}
      <ValueTable value={value} caption="Value delivered and charged, last six periods" />
      <p className="mt-3 text-xs text-slate-500">
        Value = billable outcomes × what one outcome is worth to you. ROI = (value − charged) ÷ charged.
      </p>
    </Card>
  );
}
