"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FieldError, fieldClass } from "@/components/ui/form-field";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";

/** The customer's PO number: the finance user writes it on the draft; afterwards it is read only. */
export function PurchaseOrderForm({
  invoiceId,
  poNumber,
  editable,
}: {
  invoiceId: string | null;
  poNumber: string | null;
  editable: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [value, setValue] = useState(poNumber ?? "");
  const [saved, setSaved] = useState("");
  const save = useMutation(
    trpc.invoices.setPoNumber.mutationOptions({
      onSuccess: (result) => {
        setSaved(result.poNumber ? `PO number ${result.poNumber} saved.` : "PO number cleared.");
        router.refresh();
      },
    }),
  );
  const fields = fieldErrorsOf(save.error);

  if (!editable || !invoiceId) {
    return (
      <p className="text-sm">
        <span className="text-slate-500">PO number </span>
        <span className="font-medium text-slate-900" data-testid="po-number">
          {poNumber ?? "None given"}
        </span>
      </p>
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved("");
    save.mutate({ invoiceId: invoiceId!, poNumber: value });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-lg flex-wrap items-end gap-2">
      <div className="min-w-0 flex-1">
        <label htmlFor="po-number" className="block text-sm font-medium text-slate-700">
          Your PO number
        </label>
        <input
          id="po-number"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          maxLength={100}
          autoComplete="off"
          aria-invalid={!!fields.poNumber}
          aria-describedby={fields.poNumber ? "po-number-error" : "po-number-hint"}
          className={fieldClass}
        />
      </div>
      <button
        type="submit"
        disabled={save.isPending}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50 disabled:opacity-70"
      >
        {save.isPending ? "Saving…" : "Save"}
      </button>
      <div className="basis-full">
        {fields.poNumber ? (
          <FieldError id="po-number-error" message={fields.poNumber} />
        ) : (
          <p id="po-number-hint" className="text-xs text-slate-500">
            Printed on the invoice; it can change until the invoice is finalized.
          </p>
        )}
        {save.isError && !fields.poNumber && (
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(save.error)}
          </p>
        )}
        <output aria-live="polite" className="block text-sm text-emerald-800">
          {saved}
        </output>
      </div>
    </form>
  );
}
