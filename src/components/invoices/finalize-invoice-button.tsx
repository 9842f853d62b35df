"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { useTRPC } from "@/lib/trpc";
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
      <ConfirmActions
        cancelRef={cancel}
        onCancel={() => setConfirming(false)}
        onConfirm={() => finalize.mutate({ customerId, periodStart })}
        pending={finalize.isPending}
        confirmLabel="Yes, finalize"
        pendingLabel="Finalizing…"
        tone="primary"
        error={finalize.error}
      />
    </fieldset>
  );
}
