"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { fieldClass, TextField } from "@/components/ui/form-field";
import { FormSubmitActions } from "@/components/ui/form-submit-actions";
import { fieldErrorsOf } from "@/lib/field-errors";
import { useTRPC } from "@/lib/trpc";

/** A provider admin grants prepaid credits or records credits the customer bought. */
export function GrantCreditsForm({ customerId, currency }: { customerId: string; currency: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<"grant" | "top_up">("grant");
  const [amount, setAmount] = useState("");
  const [expiresOn, setExpiresOn] = useState("");
  const [reason, setReason] = useState("");
  const grant = useMutation(
    trpc.wallet.grant.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        setAmount("");
        setExpiresOn("");
        setReason("");
        router.refresh();
      },
    }),
  );
  const fields = fieldErrorsOf(grant.error);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    grant.mutate({ customerId, kind, amount: amount.trim(), expiresOn: expiresOn || null, reason });
  }

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
      >
        Grant or top up credits
      </button>
    );
  }
  const known = fields.amount || fields.expiresOn || fields.reason;
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label="Grant prepaid credits"
      className="w-full max-w-lg space-y-3 rounded-lg border border-slate-200 bg-slate-50 p-4"
    >
      <div>
        <label htmlFor="grant-kind" className="block text-sm font-medium text-slate-700">
          Kind
        </label>
        <select
          id="grant-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as "grant" | "top_up")}
          className={fieldClass}
        >
          <option value="grant">Granted (given by us)</option>
          <option value="top_up">Top-up (bought by the customer)</option>
        </select>
      </div>
      <TextField
        id="grant-amount"
        label="Amount"
        value={amount}
        onValue={setAmount}
        error={fields.amount}
        hint={`In ${currency}.`}
        inputMode="decimal"
        autoComplete="off"
      />
      <TextField
        id="grant-expires-on"
        label="Expires on (optional)"
        type="date"
        value={expiresOn}
        onValue={setExpiresOn}
        error={fields.expiresOn}
        hint="From this day (UTC) it can no longer be drawn. Leave empty for credits that never expire."
      />
      <TextField
        id="grant-reason"
        label="Reason"
        value={reason}
        onValue={setReason}
        error={fields.reason}
        hint="The customer reads it in the wallet's ledger."
        autoComplete="off"
      />
      <FormSubmitActions
        pending={grant.isPending}
        label="Grant credits"
        pendingLabel="Granting…"
        error={grant.isError && !known ? grant.error : null}
        onCancel={() => {
          grant.reset();
          setOpen(false);
        }}
      />
    </form>
  );
}
