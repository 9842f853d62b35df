"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { errorMessage, useTRPC } from "@/lib/trpc";
import { useConfirmStep } from "@/lib/use-confirm-step";

/** Finalizing takes two steps: "Finalize now", then a confirmation that says what it does. */
export function FinalizeInvoiceButton({
  customerId,
  periodStart,
  period,
}: {
  customerId: string;
  periodStart: Date;
  period: string;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { confirming, setConfirming, startRef: start, cancelRef: cancel } = useConfirmStep();
  const finalize = useMutation(trpc.invoices.finalize.mutationOptions({ onSuccess: () => router.refresh() }));

  if (!confirming) {
    return (
      <button
        type="button"
        ref={start}
        onClick={() => setConfirming(true)}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
      >
        Finalize now
      </button>
    );
  }
  return (
    <fieldset
      className="max-w-md rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !finalize.isPending) setConfirming(false);
      }}
    >
      <legend className="sr-only">Confirm finalizing the invoice for {period}</legend>
      <p className="text-amber-950">
        Finalize the invoice for {period}? It gets the next invoice number and is frozen as it stands: later changes to
        its outcomes go onto the next open invoice as late items, and corrections need a credit note. This cannot be
        undone.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button
          type="button"
          ref={cancel}
          onClick={() => setConfirming(false)}
          disabled={finalize.isPending}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-700 hover:bg-slate-100"
        >
          Cancel
        </button>
        <button
          type="button"
          onClick={() => finalize.mutate({ customerId, periodStart })}
          disabled={finalize.isPending}
          className="rounded-md bg-brand-600 px-3 py-1.5 font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
        >
          {finalize.isPending ? "Finalizing…" : "Yes, finalize"}
        </button>
      </div>
      {finalize.isError && (
        <p role="alert" className="mt-2 text-red-700">
          {errorMessage(finalize.error)}
        </p>
      )}
    </fieldset>
  );
}
