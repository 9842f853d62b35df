"use client";
import { FieldError, fieldClass, TextField } from "@/components/ui/form-field";
import type { DefinitionOption } from "./attempt-fee-fields";
import { type DiscountRow, newDiscountRow } from "./contract-form-state";

const smallButton =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100";

/** Discounts: a percentage or an amount off one definition's outcome charges or the whole invoice, for a while. */
export function DiscountFields({
  rows,
  onChange,
  definitions,
  errors,
  currency,
}: {
  rows: DiscountRow[];
  onChange: (rows: DiscountRow[]) => void;
  definitions: DefinitionOption[];
  errors: Record<string, string>;
  currency: string;
}) {
  const update = (id: number, change: Partial<DiscountRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-slate-900">Discounts</legend>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No discounts.</p>
      ) : (
        <p className="text-sm text-slate-600">
          Each is its own line on the invoice, never below zero: off a definition&apos;s outcome charges before the
          monthly cap, or off the whole invoice after the cap and the minimum true-up.
        </p>
      )}
      {rows.map((row, i) => {
        const n = i + 1;
        const at = (field: string) => errors[`discounts.${i}.${field}`];
        const select = (
          field: string,
          label: string,
          value: string,
          set: (v: string) => void,
          options: [string, string][],
        ) => (
          <div>
            <label htmlFor={`discount-${row.id}-${field}`} className="block text-sm font-medium text-slate-700">
              {label}
            </label>
            <select
              id={`discount-${row.id}-${field}`}
              value={value}
              onChange={(e) => set(e.target.value)}
              aria-invalid={!!at(field)}
              aria-describedby={at(field) ? `discount-${row.id}-${field}-error` : undefined}
              className={fieldClass}
            >
              {options.map(([v, text]) => (
                <option key={v} value={v}>
                  {text}
                </option>
              ))}
            </select>
            <FieldError id={`discount-${row.id}-${field}-error`} message={at(field)} />
          </div>
        );
        return (
          <div key={row.id} className="grid grid-cols-1 gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-3">
            <TextField
              id={`discount-${row.id}-label`}
              label={`Discount ${n}: name on the invoice`}
              value={row.label}
              onValue={(label) => update(row.id, { label })}
              error={at("label")}
              placeholder="Launch discount"
            />
            {select(
              "kind",
              `Discount ${n}: kind`,
              row.kind,
              (kind) => update(row.id, { kind: kind as DiscountRow["kind"] }),
              [
                ["percent", "A percentage"],
                ["fixed", `A fixed amount (${currency})`],
              ],
            )}
            <TextField
              id={`discount-${row.id}-value`}
              label={row.kind === "percent" ? `Discount ${n}: percent off` : `Discount ${n}: amount off (${currency})`}
              value={row.value}
              onValue={(value) => update(row.id, { value })}
              error={at("value")}
              inputMode="decimal"
              placeholder={row.kind === "percent" ? "10" : "100.00"}
            />
            {select(
              "definitionKey",
              `Discount ${n}: off`,
              row.definitionKey,
              (definitionKey) => update(row.id, { definitionKey }),
              [
                ["", "The whole invoice"],
                ...definitions.map((d): [string, string] => [d.key, `${d.name} outcome charges`]),
              ],
            )}
            {select(
              "duration",
              `Discount ${n}: for how long`,
              row.duration,
              (duration) => update(row.id, { duration: duration as DiscountRow["duration"] }),
              [
                ["always", "While this version is in force"],
                ["periods", "A number of billing periods"],
                ["until", "Until a date"],
              ],
            )}
            {row.duration === "periods" && (
              <TextField
                id={`discount-${row.id}-periods`}
                label={`Discount ${n}: billing periods`}
                value={row.periods}
                onValue={(periods) => update(row.id, { periods })}
                error={at("periods")}
                inputMode="numeric"
                hint="Counted from the month this version starts."
              />
            )}
            {row.duration === "until" && (
              <TextField
                id={`discount-${row.id}-until`}
                label={`Discount ${n}: ends on`}
                type="date"
                value={row.until}
                onValue={(until) => update(row.id, { until })}
                error={at("until")}
                hint="Applies to billing periods starting before this date (UTC)."
              />
            )}
            <button
              type="button"
              onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
              aria-label={`Remove discount ${n}`}
              className={`${smallButton} justify-self-start sm:col-span-3`}
            >
              Remove
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, newDiscountRow()])} className={smallButton}>
        Add discount
      </button>
    </fieldset>
  );
}
