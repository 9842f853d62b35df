"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { fieldClass } from "@/components/ui/form-field";
import { useTRPC } from "@/lib/trpc";
import { useConfirmStep } from "@/lib/use-confirm-step";

/** Withdrawing takes two steps; decided outcomes keep their decisions, the undecided ones are withdrawn. */
export function WithdrawDisputeButton({
  disputeId,
  number,
  undecided,
  decided,
}: {
  disputeId: string;
  number: string;
  undecided: number;
  decided: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { confirming, setConfirming, startRef: start, cancelRef: cancel } = useConfirmStep();
  const [note, setNote] = useState("");
  const withdraw = useMutation(
    trpc.disputes.withdraw.mutationOptions({
      onSuccess: () => {
        setConfirming(false);
        router.refresh();
      },
    }),
  );

  if (!confirming) {
    return (
      <button
        type="button"
        ref={start}
        onClick={() => setConfirming(true)}
        className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
      >
        Withdraw
      </button>
    );
  }
  return (
    <fieldset
      className="max-w-md rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !withdraw.isPending) setConfirming(false);
      }}
    >
      <legend className="sr-only">Confirm withdrawing {number}</legend>
      <p className="text-amber-950">
        Withdraw {number}? The {undecided.toLocaleString("en-US")} undecided{" "}
        {undecided === 1 ? "outcome is" : "outcomes are"} taken back and stay charged
        {decided > 0 && `; the ${decided.toLocaleString("en-US")} already decided keep their decisions and credits`}.
        This cannot be undone, but you can dispute the outcomes again while their dispute window is open.
      </p>
      <label htmlFor="withdraw-note" className="mt-3 block font-medium text-amber-950">
        Note to the reviewer <span className="font-normal">(optional)</span>
      </label>
      <textarea
        id="withdraw-note"
        value={note}
        onChange={(e) => setNote(e.target.value)}
        rows={2}
        maxLength={2000}
        className={fieldClass}
      />
      <ConfirmActions
        cancelRef={cancel}
        onCancel={() => setConfirming(false)}
        onConfirm={() => withdraw.mutate({ disputeId, note })}
        pending={withdraw.isPending}
        confirmLabel="Yes, withdraw"
        pendingLabel="Withdrawing…"
        tone="danger"
        error={withdraw.error}
      />
    </fieldset>
  );
}
