"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { TextField } from "@/components/ui/form-field";
import { FormSubmitActions } from "@/components/ui/form-submit-actions";
import { fieldErrorsOf } from "@/lib/field-errors";
import { useTRPC } from "@/lib/trpc";

/** A provider admin voids an invoice nobody has paid, with the reason the customer reads. */
export function VoidInvoiceForm({ invoiceId }: { invoiceId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const voiding = useMutation(trpc.invoices.void.mutationOptions({ onSuccess: () => router.refresh() }));
  const fields = fieldErrorsOf(voiding.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    voiding.mutate({ invoiceId, reason });
  }

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
      >
        Void invoice
      </button>
    );
  }
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Void the invoice"
      className="w-full max-w-lg space-y-3 rounded-lg border border-red-200 bg-red-50 p-4"
    >
      <TextField
        id="void-reason"
        label="Why is the invoice void?"
        value={reason}
        onValue={setReason}
        error={fields.reason}
        hint="The customer reads it. A void invoice takes no payments; it cannot be undone."
        maxLength={2000}
      />
      <FormSubmitActions
        pending={voiding.isPending}
        label="Void invoice"
        pendingLabel="Voiding…"
        tone="danger"
        error={voiding.isError && !fields.reason ? voiding.error : null}
        onCancel={() => {
          voiding.reset();
          setOpen(false);
        }}
      />
    </form>
  );
}
