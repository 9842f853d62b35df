"use client";
import type { RefObject } from "react";
import { errorMessage } from "@/lib/trpc";

const CONFIRM_STYLE = {
  danger: "bg-red-700 hover:bg-red-800",
  primary: "bg-brand-600 hover:bg-brand-700",
} as const;

/** The second step of an irreversible action: Cancel (focused first), the confirming button, and any error. */
export function ConfirmActions({
  cancelRef,
  onCancel,
  onConfirm,
  pending,
  confirmLabel,
  pendingLabel,
  tone,
  error,
}: {
  cancelRef: RefObject<HTMLButtonElement | null>;
  onCancel: () => void;
  onConfirm: () => void;
  pending: boolean;
  confirmLabel: string;
  pendingLabel: string;
  tone: keyof typeof CONFIRM_STYLE;
  error: unknown;
}) {
  return (
    <>
      <div className="mt-2 flex flex-wrap gap-2">
        <button
          type="button"
          ref={cancelRef}
          onClick={onCancel}
          disabled={pending}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Cancel
        </button>
        <button
          type="button"
          onClick={onConfirm}
          disabled={pending}
          className={`rounded-md px-3 py-1.5 text-sm font-semibold text-white disabled:cursor-wait disabled:opacity-70 ${CONFIRM_STYLE[tone]}`}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
      </div>
      {error != null && (
        <p role="alert" className="mt-2 max-w-xs text-sm text-red-700">
          {errorMessage(error)}
        </p>
      )}
    </>
  );
}
