import { FieldError, fieldClass } from "@/components/ui/form-field";
import { ROOT_CAUSE_LABELS, ROOT_CAUSES, type RootCause } from "@/domain/disputes/dispute-terms";

/** The root cause a decision names, with its error: one field for the single and the bulk decision. */
export function RootCauseField({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: RootCause | "";
  onChange: (value: RootCause | "") => void;
  error: string | undefined;
}) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        Root cause
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as RootCause | "")}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        className={fieldClass}
      >
        <option value="">Choose the root cause</option>
        {ROOT_CAUSES.map((c) => (
          <option key={c} value={c}>
            {ROOT_CAUSE_LABELS[c]}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
