"use client";
// One criterion of the draft: attribute (with the attributes recently ingested), operator,
// a value input that fits the operator and the type, the label customers read, and what a
// missing value means. Errors come keyed by the server's paths, e.g. "criteria.2.value".
import { FieldError, fieldClass } from "@/components/ui/form-field";
import { OPERATOR_WORDS } from "@/domain/definitions/plain-language";
import { MISSING_RULES, OPERATOR_SYMBOLS, OPERATORS, type Operator } from "@/domain/evaluation/criteria";
import { type CriterionDraft, LIST_OPERATORS, NO_VALUE_OPERATORS, VALUE_TYPES, type ValueType } from "./draft-rule";

export interface AttributeSuggestion {
  attribute: string;
  type: ValueType;
  seen: number;
  examples: (string | number | boolean)[];
}

const MISSING_WORDS = {
  fail: "Counts as not met",
  pass: "Counts as met",
  pending: "Waits for the window to close, then not met",
} as const;

const smallButton =
  "rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-40";

export function CriterionFields({
  index,
  count,
  criterion,
  suggestions,
  errors,
  highlighted,
  onChange,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  criterion: CriterionDraft;
  suggestions: AttributeSuggestion[];
  errors: Record<string, string>;
  highlighted: boolean;
  onChange: (next: CriterionDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = (field: string) => `criteria-${index}-${field}`;
  const error = (field: string) => errors[`criteria.${index}.${field}`];
  const described = (field: string, hint?: string) => (error(field) ? `${id(field)}-error` : hint);
  const set = (patch: Partial<CriterionDraft>) => onChange({ ...criterion, ...patch });
  const suggestion = suggestions.find((s) => s.attribute === criterion.attribute.trim());
  const n = index + 1;
  return (
    <fieldset
      className={`rounded-lg border p-4 ${highlighted ? "border-brand-600 ring-2 ring-brand-600" : "border-slate-200"}`}
      data-testid={`criterion-${n}`}
    >
      <legend className="px-1 text-sm font-semibold text-slate-900">
        Criterion {n}
        {highlighted && <span className="font-normal text-slate-600"> (from the dispute insights)</span>}
      </legend>
      <div className="grid gap-3 md:grid-cols-2 xl:grid-cols-4">
        <div>
          <label htmlFor={id("attribute")} className="block text-sm font-medium text-slate-700">
            Attribute
          </label>
          <input
            id={id("attribute")}
            value={criterion.attribute}
            list="attribute-suggestions"
            autoComplete="off"
            onChange={(e) => {
              const found = suggestions.find((s) => s.attribute === e.target.value.trim());
              set({ attribute: e.target.value, ...(found && { type: found.type }) });
            }}
            aria-invalid={!!error("attribute")}
            aria-describedby={described("attribute", id("attribute-hint"))}
            className={fieldClass}
          />
          {error("attribute") ? (
            <FieldError id={`${id("attribute")}-error`} message={error("attribute")} />
          ) : (
            <p id={id("attribute-hint")} className="mt-1 text-xs text-slate-500">
              {suggestion
                ? `Seen as ${suggestion.type} on ${suggestion.seen.toLocaleString("en-US")} recent attempts, e.g. ${suggestion.examples.map(String).join(", ")}`
                : "Not seen on recent attempts."}
            </p>
          )}
        </div>
        <div>
          <label htmlFor={id("operator")} className="block text-sm font-medium text-slate-700">
            Operator
          </label>
          <select
            id={id("operator")}
            value={criterion.operator}
            onChange={(e) => set({ operator: e.target.value as Operator })}
            aria-invalid={!!error("operator")}
            aria-describedby={described("operator")}
            className={fieldClass}
          >
            {OPERATORS.map((o) => (
              <option key={o} value={o}>
                {OPERATOR_SYMBOLS[o]} ({OPERATOR_WORDS[o]})
              </option>
            ))}
          </select>
          <FieldError id={`${id("operator")}-error`} message={error("operator")} />
        </div>
        <div>
          <label htmlFor={id("type")} className="block text-sm font-medium text-slate-700">
            Value type
          </label>
          <select
            id={id("type")}
            value={criterion.type}
            onChange={(e) => set({ type: e.target.value as ValueType })}
            disabled={NO_VALUE_OPERATORS.has(criterion.operator)}
            className={fieldClass}
          >
            {VALUE_TYPES.map((t) => (
              <option key={t} value={t}>
                {t === "string" ? "text" : t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <ValueInput
            criterion={criterion}
            id={id("value")}
            error={error("value")}
            onValue={(valueText) => set({ valueText })}
          />
        </div>
        <div className="md:col-span-2">
          <label htmlFor={id("label")} className="block text-sm font-medium text-slate-700">
            Label customers read
          </label>
          <input
            id={id("label")}
            value={criterion.label}
            onChange={(e) => set({ label: e.target.value })}
            autoComplete="off"
            aria-invalid={!!error("label")}
            aria-describedby={described("label")}
            className={fieldClass}
          />
          <FieldError id={`${id("label")}-error`} message={error("label")} />
        </div>
        <div className="md:col-span-2">
          <label htmlFor={id("whenMissing")} className="block text-sm font-medium text-slate-700">
            When the attribute is not reported
          </label>
          <select
            id={id("whenMissing")}
            value={criterion.whenMissing}
            onChange={(e) => set({ whenMissing: e.target.value as CriterionDraft["whenMissing"] })}
            aria-invalid={!!error("whenMissing")}
            aria-describedby={described("whenMissing")}
            className={fieldClass}
          >
            {MISSING_RULES.map((m) => (
              <option key={m} value={m}>
                {MISSING_WORDS[m]}
              </option>
            ))}
          </select>
          <FieldError id={`${id("whenMissing")}-error`} message={error("whenMissing")} />
        </div>
      </div>
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          className={smallButton}
          disabled={index === 0}
          onClick={() => onMove(-1)}
          aria-label={`Move criterion ${n} up`}
        >
          ↑ Up
        </button>
        <button
          type="button"
          className={smallButton}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          aria-label={`Move criterion ${n} down`}
        >
          ↓ Down
        </button>
        <button type="button" className={smallButton} onClick={onRemove} aria-label={`Remove criterion ${n}`}>
          Remove
        </button>
      </div>
    </fieldset>
  );
}

function ValueInput({
  criterion,
  id,
  error,
  onValue,
}: {
  criterion: CriterionDraft;
  id: string;
  error: string | undefined;
  onValue: (text: string) => void;
}) {
  const { operator, type, valueText } = criterion;
  if (NO_VALUE_OPERATORS.has(operator)) {
    return (
      <p className="pt-6 text-sm text-slate-600" id={id}>
        No value: “{OPERATOR_WORDS[operator]}” compares with nothing.
      </p>
    );
  }
  const list = LIST_OPERATORS.has(operator);
  const common = {
    id,
    "aria-invalid": !!error,
    "aria-describedby": error ? `${id}-error` : list ? `${id}-hint` : undefined,
    className: fieldClass,
  };
  return (
    <>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {list ? "Values (comma-separated)" : "Value"}
      </label>
      {!list && type === "boolean" ? (
        <select {...common} value={valueText} onChange={(e) => onValue(e.target.value)}>
          <option value="">Choose</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </select>
      ) : (
        <input
          {...common}
          type={!list && type === "number" ? "number" : "text"}
          step={!list && type === "number" ? "any" : undefined}
          value={valueText}
          autoComplete="off"
          onChange={(e) => onValue(e.target.value)}
        />
      )}
      {error ? (
        <FieldError id={`${id}-error`} message={error} />
      ) : (
        list && (
          <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
            e.g. NA, EU, UK
          </p>
        )
      )}
    </>
  );
}
