"use client";
import { FieldError, fieldClass, TextField } from "@/components/ui/form-field";
import type { DefinitionOption } from "./attempt-fee-fields";
import { newOutcomePriceRow, newRowId, type OutcomePriceRow, type TierRow } from "./contract-form-state";
import { PackageFields, PriceLimitFields } from "./price-shape-fields";

const smallButton =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100";

/**
 * A price per billable outcome for each definition: flat, in graduated or volume tiers (each
 * with an optional flat fee), or per block of outcomes; with free outcomes and its own monthly
 * minimum and maximum.
 */
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
              {row.byPackage ? (
                <p className="text-sm text-slate-600 sm:mt-8">Priced by the block below.</p>
              ) : row.tiers.length === 0 ? (
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
            <PackageFields row={row} name={name} index={i} errors={errors} onChange={(c) => update(row.id, c)} />
            {!row.byPackage && (
              <TierFields
                row={row}
                name={name}
                errors={errors}
                index={i}
                onChange={(change) => update(row.id, change)}
              />
            )}
            <PriceLimitFields row={row} name={name} index={i} errors={errors} onChange={(c) => update(row.id, c)} />
          </div>
        );
      })}
      {unpriced && (
        <button
          type="button"
          onClick={() => onChange([...rows, newOutcomePriceRow(unpriced.key)])}
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
  onChange: (change: Partial<OutcomePriceRow>) => void;
}) {
  const setTiers = (tiers: TierRow[]) => onChange({ tiers });
  const update = (id: number, change: Partial<TierRow>) =>
    setTiers(row.tiers.map((t) => (t.id === id ? { ...t, ...change } : t)));
  return (
    <div className="space-y-2 sm:pl-4">
      {row.tiers.length > 0 && (
        <>
          <div className="max-w-md">
            <label htmlFor={`price-${row.id}-tier-mode`} className="block text-sm font-medium text-slate-700">
              <span className="sr-only">{name}: </span>Tiers price
            </label>
            <select
              id={`price-${row.id}-tier-mode`}
              value={row.tierMode}
              onChange={(e) => onChange({ tierMode: e.target.value as OutcomePriceRow["tierMode"] })}
              className={fieldClass}
            >
              <option value="graduated">Graduated: each outcome at the tier its rank falls in</option>
              <option value="volume">Volume: every outcome at the tier the month&apos;s total reaches</option>
            </select>
            <FieldError id={`price-${row.id}-tier-mode-error`} message={errors[`outcomePrices.${index}.tierMode`]} />
          </div>
          <p className="text-xs text-slate-500">
            Each bound is the cumulative number of outcomes in the month, inclusive. The last tier has no bound: its
            price applies to every outcome above the tier before it. A flat fee is charged once in a month that enters
            the tier ({row.tierMode === "volume" ? "volume: the reached tier's only" : "each tier reached"}).
          </p>
        </>
      )}
      {row.tiers.map((tier, j) => (
        <div
          key={tier.id}
          className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_minmax(0,1fr)_auto] items-start gap-3"
        >
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
          <TextField
            id={`price-${row.id}-tier-${tier.id}-flat`}
            label={
              <>
                <span className="sr-only">{name}, </span>Tier {j + 1}: flat fee
              </>
            }
            value={tier.flatFee}
            onValue={(flatFee) => update(tier.id, { flatFee })}
            error={errors[`outcomePrices.${index}.tiers.${j}.flatFee`]}
            inputMode="decimal"
            placeholder="none"
          />
          <button
            type="button"
            onClick={() => setTiers(row.tiers.filter((t) => t.id !== tier.id))}
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
          setTiers([
            ...row.tiers,
            { id: newRowId(), upTo: "", unitPrice: row.tiers.at(-1)?.unitPrice ?? row.unitPrice, flatFee: "" },
          ])
        }
        className={smallButton}
      >
        Add tier to {name}
      </button>
    </div>
  );
}
