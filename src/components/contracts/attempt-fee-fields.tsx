"use client";
import { FieldError, fieldClass, TextField } from "@/components/ui/form-field";
import { type AttemptFeeRow, newRowId } from "./contract-form-state";

export interface DefinitionOption {
  key: string;
  name: string;
}

const smallButton =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100";

/** Fees per attempt: one per definition, or one for every definition without its own. */
export function AttemptFeeFields({
  rows,
  onChange,
  definitions,
  errors,
}: {
  rows: AttemptFeeRow[];
  onChange: (rows: AttemptFeeRow[]) => void;
  definitions: DefinitionOption[];
  errors: Record<string, string>;
}) {
  const update = (id: number, change: Partial<AttemptFeeRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-slate-900">Attempt fees</legend>
      {rows.length === 0 && <p className="text-sm text-slate-600">No fee per attempt.</p>}
      {rows.map((row, i) => {
        const keyError = errors[`attemptFees.${i}.definitionKey`];
        return (
          <div key={row.id} className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-start">
            <div>
              <label htmlFor={`attempt-fee-${row.id}-definition`} className="block text-sm font-medium text-slate-700">
                Attempt fee {i + 1}: definition
              </label>
              <select
                id={`attempt-fee-${row.id}-definition`}
                value={row.definitionKey}
                onChange={(e) => update(row.id, { definitionKey: e.target.value })}
                aria-invalid={!!keyError}
                aria-describedby={keyError ? `attempt-fee-${row.id}-definition-error` : undefined}
                className={fieldClass}
              >
                <option value="">Every definition without its own fee</option>
                {definitions.map((d) => (
                  <option key={d.key} value={d.key}>
                    {d.name} ({d.key})
                  </option>
                ))}
              </select>
              <FieldError id={`attempt-fee-${row.id}-definition-error`} message={keyError} />
            </div>
            <TextField
              id={`attempt-fee-${row.id}-price`}
              label={`Attempt fee ${i + 1}: price`}
              value={row.unitPrice}
              onValue={(unitPrice) => update(row.id, { unitPrice })}
              error={errors[`attemptFees.${i}.unitPrice`]}
              inputMode="decimal"
              placeholder="0.10"
            />
            <button
              type="button"
              onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
              aria-label={`Remove attempt fee ${i + 1}`}
              className={`${smallButton} justify-self-start sm:mt-6`}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => onChange([...rows, { id: newRowId(), definitionKey: "", unitPrice: "" }])}
        className={smallButton}
      >
        Add attempt fee
      </button>
    </fieldset>
  );
}
