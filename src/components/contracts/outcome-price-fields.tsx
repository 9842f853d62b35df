"use client";
import { FieldError, fieldClass, TextField } from "@/components/ui/form-field";
import type { DefinitionOption } from "./attempt-fee-fields";
import { newRowId, type OutcomePriceRow, type TierRow } from "./contract-form-state";

const smallButton =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100";

/** A price per billable outcome for each definition, flat or in graduated tiers. */
export function OutcomePriceFields({
  rows,
  onChange,
  definitions,
  errors,
}: {
  rows: OutcomePriceRow[];
  onChange: (rows: OutcomePriceRow[]) => void;
  definitions: DefinitionOption[];
  errors: Record<string, string>;
}) {
  const update = (id: number, change: Partial<OutcomePriceRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...change } : r)));
  const unpriced = definitions.find((d) => !rows.some((r) => r.definitionKey === d.key));
  return (
    <fieldset className="space-y-4">
      <legend className="text-sm font-semibold text-slate-900">Outcome prices</legend>
      {rows.length === 0 && (
        <p className="text-sm text-slate-600">
          No prices of its own: outcomes are charged at their definition&apos;s price.
        </p>
      )}
      {errors.outcomePrices && <p className="text-sm text-red-700">{errors.outcomePrices}</p>}
      {rows.map((row, i) => {
        const name = definitions.find((d) => d.key === row.definitionKey)?.name ?? `price ${i + 1}`;
        const keyError = errors[`outcomePrices.${i}.definitionKey`];
        return (
          <div key={row.id} className="space-y-3 rounded-lg border border-slate-200 p-4">
            <div className="flex items-center justify-between gap-2">
              <p className="text-sm font-medium text-slate-900">Outcome price {i + 1}</p>
              <button
                type="button"
                onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                aria-label={`Remove the ${name} price`}
                className={smallButton}
              >
                Remove
              </button>
            </div>
            <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,1fr)_10rem] sm:items-start">
              <div>
                <label htmlFor={`price-${row.id}-definition`} className="block text-sm font-medium text-slate-700">
                  <span className="sr-only">Outcome price {i + 1}: </span>Definition
                </label>
                <select
                  id={`price-${row.id}-definition`}
                  value={row.definitionKey}
                  onChange={(e) => update(row.id, { definitionKey: e.target.value })}
                  aria-invalid={!!keyError}
                  aria-describedby={keyError ? `price-${row.id}-definition-error` : undefined}
                  className={fieldClass}
                >
                  {definitions.map((d) => (
                    <option key={d.key} value={d.key}>
                      {d.name} ({d.key})
                    </option>
                  ))}
                </select>
                <FieldError id={`price-${row.id}-definition-error`} message={keyError} />
              </div>
              {row.tiers.length === 0 ? (
                <TextField
                  id={`price-${row.id}-unit`}
                  label={`Price per ${name} outcome`}
                  value={row.unitPrice}
                  onValue={(unitPrice) => update(row.id, { unitPrice })}
                  error={errors[`outcomePrices.${i}.unitPrice`]}
                  inputMode="decimal"
                  placeholder="0.99"
                />
              ) : (
                <p className="text-sm text-slate-600 sm:mt-8">Priced by the tiers below.</p>
              )}
            </div>
            <TierFields
              row={row}
              name={name}
              errors={errors}
              index={i}
              onChange={(tiers) => update(row.id, { tiers })}
            />
          </div>
        );
      })}
      {unpriced && (
        <button
          type="button"
          onClick={() => onChange([...rows, { id: newRowId(), definitionKey: unpriced.key, unitPrice: "", tiers: [] }])}
          className={smallButton}
        >
          Add outcome price
        </button>
      )}
    </fieldset>
  );
}

function TierFields({
  row,
  name,
  index,
  errors,
  onChange,
}: {
  row: OutcomePriceRow;
  name: string;
  index: number;
  errors: Record<string, string>;
  onChange: (tiers: TierRow[]) => void;
}) {
  const update = (id: number, change: Partial<TierRow>) =>
    onChange(row.tiers.map((t) => (t.id === id ? { ...t, ...change } : t)));
  return (
    <div className="space-y-2 sm:pl-4">
      {row.tiers.length > 0 && (
        <p className="text-xs text-slate-500">
          Graduated tiers: each bound is the cumulative number of outcomes in the month, inclusive; leave the last one
          blank for all the rest.
        </p>
      )}
      {row.tiers.map((tier, j) => (
        <div key={tier.id} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-start gap-3">
          <TextField
            id={`price-${row.id}-tier-${tier.id}-upto`}
            label={
              <>
                <span className="sr-only">{name}, </span>Tier {j + 1}: up to
              </>
            }
            value={tier.upTo}
            onValue={(upTo) => update(tier.id, { upTo })}
            error={errors[`outcomePrices.${index}.tiers.${j}.upTo`]}
            inputMode="numeric"
            placeholder={j === row.tiers.length - 1 ? "and above" : "1000"}
          />
          <TextField
            id={`price-${row.id}-tier-${tier.id}-price`}
            label={
              <>
                <span className="sr-only">{name}, </span>Tier {j + 1}: price
              </>
            }
            value={tier.unitPrice}
            onValue={(unitPrice) => update(tier.id, { unitPrice })}
            error={errors[`outcomePrices.${index}.tiers.${j}.unitPrice`]}
            inputMode="decimal"
          />
          <button
            type="button"
            onClick={() => onChange(row.tiers.filter((t) => t.id !== tier.id))}
            aria-label={`Remove tier ${j + 1} of ${name}`}
            className={`${smallButton} mt-6`}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange([
            ...row.tiers,
            { id: newRowId(), upTo: "", unitPrice: row.tiers.at(-1)?.unitPrice ?? row.unitPrice },
          ])
        }
        className={smallButton}
      >
        Add tier to {name}
      </button>
    </div>
  );
}
