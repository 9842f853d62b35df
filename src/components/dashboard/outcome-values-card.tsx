import { Card } from "@/components/ui/card";
import { formatDateTimeIn } from "@/lib/format";
import { formatUnitCost } from "./figures";
import { OutcomeValueForm } from "./outcome-value-form";
import type { Dashboard } from "./types";

/** What one outcome of each definition is worth to the customer: finance users set it, everyone else reads it. */
export function OutcomeValuesCard({
  value,
  canEdit,
  timeZone,
}: {
  value: Dashboard["value"];
  canEdit: boolean;
  /** The customer's IANA zone, for when a value was set. */
  timeZone: string;
}) {
  return (
    <Card title="What an outcome is worth to you">
      <p className="mb-4 text-sm text-slate-600">
        {canEdit
          ? "State what one outcome saves or earns your company, e.g. what a ticket costs when a person handles it. The value delivered and ROI are computed from it."
          : "Your finance users state what one outcome is worth to your company; the value delivered and ROI are computed from it."}
      </p>
      {value.settings.length === 0 ? (
        <p className="text-sm text-slate-600">No outcomes recorded in the last six months yet.</p>
      ) : canEdit ? (
        <div className="space-y-4">
          {value.settings.map((s) => (
            <OutcomeValueForm key={s.definitionId} setting={s} currency={value.currency} />
          ))}
        </div>
      ) : (
        <dl className="divide-y divide-slate-100 text-sm">
          {value.settings.map((s) => (
            <div key={s.definitionId} className="flex justify-between gap-4 py-2">
              <dt className="text-slate-700">
                {s.name} — per {s.unitLabel}
              </dt>
              <dd className="text-right font-medium text-slate-900">
                {s.valuePerOutcome === null ? "Not set" : formatUnitCost(s.valuePerOutcome, value.currency, 10)}
                {s.updatedBy && (
                  <span className="block text-xs font-normal text-slate-500">
                    {s.updatedBy}, {formatDateTimeIn(s.updatedAt, timeZone)}
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </Card>
  );
}
