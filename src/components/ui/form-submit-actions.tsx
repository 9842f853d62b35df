"use client";
import { errorMessage } from "@/lib/trpc";

const SUBMIT_STYLE = {
  danger: "bg-red-700 hover:bg-red-800",
  primary: "bg-brand-600 hover:bg-brand-700",
} as const;

/**
 * The foot of a form that opens in place: the error no field shows (if any), the submit
 * button and Cancel, which forgets the error and closes the form.
 */
export function FormSubmitActions({
  pending,
  label,
  pendingLabel,
  tone = "primary",
  error,
  onCancel,
}: {
  pending: boolean;
  label: string;
  pendingLabel: string;
  tone?: keyof typeof SUBMIT_STYLE;
  /** The refusal to show under the fields; null when a field already shows it. */
  error: unknown;
  onCancel: () => void;
}) {
  return (
    <>
      {error != null && (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(error)}
        </p>
      )}
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className={`rounded-md px-4 py-2 text-sm font-semibold text-white disabled:cursor-wait disabled:opacity-70 ${SUBMIT_STYLE[tone]}`}
        >
          {pending ? pendingLabel : label}
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Cancel
        </button>
      </div>
    </>
  );
}
