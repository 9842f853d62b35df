"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { TextField } from "@/components/ui/form-field";
import { FormSubmitActions } from "@/components/ui/form-submit-actions";
import { fieldErrorsOf } from "@/lib/field-errors";
import { useTRPC } from "@/lib/trpc";

/** A provider admin records money received; the server refuses more than what is outstanding. */
export function RecordPaymentForm({ invoiceId, outstanding }: { invoiceId: string; outstanding: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState("");
  const [paidOn, setPaidOn] = useState("");
  const record = useMutation(
    trpc.invoices.recordPayment.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        setAmount("");
        router.refresh();
      },
    }),
  );
  const fields = fieldErrorsOf(record.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    record.mutate({ invoiceId, amount: amount.trim(), paidOn });
  }

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      >
        Record payment
      </button>
    );
  }
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Record a payment"
      className="w-full max-w-lg space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <TextField
        id="payment-amount"
        label="Amount received"
        value={amount}
        onValue={setAmount}
        error={fields.amount}
        hint={`In the invoice's currency; ${outstanding} is outstanding.`}
        inputMode="decimal"
        autoComplete="off"
      />
      <TextField
        id="payment-paid-on"
        label="Received on"
        type="date"
        value={paidOn}
        onValue={setPaidOn}
        error={fields.paidOn}
        hint="The day the money arrived."
      />
      <FormSubmitActions
        pending={record.isPending}
        label="Record payment"
        pendingLabel="Recording…"
        error={record.isError && !fields.amount && !fields.paidOn ? record.error : null}
        onCancel={() => {
          record.reset();
          setOpen(false);
        }}
      />
    </form>
  );
}
