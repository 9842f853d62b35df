"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { FieldError, fieldClass } from "@/components/ui/form-field";
import { FormSubmitActions } from "@/components/ui/form-submit-actions";
import { fieldErrorsOf } from "@/lib/field-errors";
import { useTRPC } from "@/lib/trpc";

/** An admin credits part of a finalized invoice; the server refuses more than what remains uncredited. */
export function IssueCreditNoteForm({
  invoiceId,
  invoiceNumber,
  remaining,
}: {
  invoiceId: string;
  invoiceNumber: string;
  /** What remains uncredited, formatted, as a hint. */
  remaining: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [issued, setIssued] = useState("");
  const amountField = useRef<HTMLInputElement>(null);
  const issue = useMutation(
    trpc.invoices.issueCreditNote.mutationOptions({
      onSuccess: (note) => {
        setIssued(`Credit note ${note.number} issued.`);
        setOpen(false);
        setAmount("");
        setReason("");
        router.refresh();
      },
    }),
  );
  const fields = fieldErrorsOf(issue.error);

  useEffect(() => {
    if (open) amountField.current?.focus();
  }, [open]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    issue.mutate({ invoiceId, amount: amount.trim(), reason });
  }

  return (
    <div className="space-y-3">
      <output aria-live="polite" className="block text-sm text-emerald-800">
        {issued}
      </output>
      {!open ? (
        <button
          type="button"
          onClick={() => {
            setIssued("");
            setOpen(true);
          }}
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
        >
          Issue credit note
        </button>
      ) : (
        <form
          onSubmit={onSubmit}
          noValidate
          aria-label={`Issue a credit note on ${invoiceNumber}`}
          className="max-w-lg space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
        >
          <div>
            <label htmlFor="credit-amount" className="block text-sm font-medium text-slate-700">
              Amount
            </label>
            <input
              id="credit-amount"
              ref={amountField}
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              inputMode="decimal"
              autoComplete="off"
              placeholder="e.g. 12.50"
              aria-invalid={!!fields.amount}
              aria-describedby={fields.amount ? "credit-amount-error" : "credit-amount-hint"}
              className={fieldClass}
            />
            {fields.amount ? (
              <FieldError id="credit-amount-error" message={fields.amount} />
            ) : (
              <p id="credit-amount-hint" className="mt-1 text-xs text-slate-500">
                In the invoice&apos;s currency; {remaining} remains uncredited.
              </p>
            )}
          </div>
          <div>
            <label htmlFor="credit-reason" className="block text-sm font-medium text-slate-700">
              Reason
            </label>
            <textarea
              id="credit-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={3}
              maxLength={2000}
              aria-invalid={!!fields.reason}
              aria-describedby={fields.reason ? "credit-reason-error" : "credit-reason-hint"}
              className={fieldClass}
            />
            {fields.reason ? (
              <FieldError id="credit-reason-error" message={fields.reason} />
            ) : (
              <p id="credit-reason-hint" className="mt-1 text-xs text-slate-500">
                The customer reads it on the credit note.
              </p>
            )}
          </div>
          <FormSubmitActions
            pending={issue.isPending}
            label="Issue credit note"
            pendingLabel="Issuing…"
            error={issue.isError ? issue.error : null}
            onCancel={() => {
              issue.reset();
              setOpen(false);
            }}
          />
        </form>
      )}
    </div>
  );
}
