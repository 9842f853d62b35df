"use client";
import { FieldError, fieldClass, TextField } from "@/components/ui/form-field";
import type { OutcomePriceRow, PackageRounding } from "./contract-form-state";

type Props = {
  row: OutcomePriceRow;
  name: string;
  index: number;
  errors: Record<string, string>;
  onChange: (change: Partial<OutcomePriceRow>) => void;
};

/** A price per block of N outcomes, in place of the unit price and tiers. */
export function PackageFields({ row, name, index, errors, onChange }: Props) {
  const error = (field: string) => errors[`outcomePrices.${index}.package${field}`];
  return (
    <div className="space-y-2 sm:pl-4">
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          checked={row.byPackage}
          onChange={(e) => onChange({ byPackage: e.target.checked })}
          aria-describedby={error("") ? `price-${row.id}-package-error` : undefined}
        />
        <span>
          <span className="sr-only">{name}: </span>Price by the block of outcomes (a package) instead
        </span>
      </label>
      <FieldError id={`price-${row.id}-package-error`} message={error("")} />
      {row.byPackage && (
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:items-start">
          <TextField
            id={`price-${row.id}-package-size`}
            label={
              <>
                <span className="sr-only">{name}, </span>Outcomes per block
              </>
            }
            value={row.packageSize}
            onValue={(packageSize) => onChange({ packageSize })}
            error={error(".size")}
            inputMode="numeric"
            placeholder="100"
          />
          <TextField
            id={`price-${row.id}-package-price`}
            label={
              <>
                <span className="sr-only">{name}, </span>Price per block
              </>
            }
            value={row.packagePrice}
            onValue={(packagePrice) => onChange({ packagePrice })}
            error={error(".price")}
            inputMode="decimal"
          />
          <div>
            <label htmlFor={`price-${row.id}-package-rounding`} className="block text-sm font-medium text-slate-700">
              <span className="sr-only">{name}, </span>A partial block
            </label>
            <select
              id={`price-${row.id}-package-rounding`}
              value={row.packageRounding}
              onChange={(e) => onChange({ packageRounding: e.target.value as PackageRounding })}
              aria-invalid={!!error(".rounding")}
              aria-describedby={error(".rounding") ? `price-${row.id}-package-rounding-error` : undefined}
              className={fieldClass}
            >
              <option value="up">is charged as a whole block</option>
              <option value="down">is not charged</option>
              <option value="prorated">is charged pro rata</option>
            </select>
            <FieldError id={`price-${row.id}-package-rounding-error`} message={error(".rounding")} />
          </div>
        </div>
      )}
    </div>
  );
}

/** Free outcomes each month, and this price's own monthly minimum and maximum. */
export function PriceLimitFields({ row, name, index, errors, onChange }: Props) {
  const label = (text: string) => (
    <>
      <span className="sr-only">{name}, </span>
      {text}
    </>
  );
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-3 sm:items-start sm:pl-4">
      <TextField
        id={`price-${row.id}-free`}
        label={label("Free outcomes a month")}
        value={row.freeUnits}
        onValue={(freeUnits) => onChange({ freeUnits })}
        error={errors[`outcomePrices.${index}.freeUnits`]}
        hint="The first ones of the month; tier bounds still count them."
        inputMode="numeric"
        placeholder="none"
      />
      <TextField
        id={`price-${row.id}-minimum`}
        label={label("Minimum a month")}
        value={row.minimum}
        onValue={(minimum) => onChange({ minimum })}
        error={errors[`outcomePrices.${index}.minimum`]}
        hint="Charged even in a month without outcomes."
        inputMode="decimal"
        placeholder="none"
      />
      <TextField
        id={`price-${row.id}-maximum`}
        label={label("Maximum a month")}
        value={row.maximum}
        onValue={(maximum) => onChange({ maximum })}
        error={errors[`outcomePrices.${index}.maximum`]}
        hint="Applied before the contract's monthly cap."
        inputMode="decimal"
        placeholder="none"
      />
    </div>
  );
}
