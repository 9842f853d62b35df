"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { useTRPC } from "@/lib/trpc";
import { useConfirmStep } from "@/lib/use-confirm-step";

/** Retires a superseded version, in two steps; it keeps governing the attempts of its own time. */
export function RetireVersionButton({ definitionKey, number }: { definitionKey: string; number: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { confirming, setConfirming, startRef, cancelRef } = useConfirmStep();
  const retire = useMutation(trpc.definitions.retire.mutationOptions({ onSuccess: () => router.refresh() }));
  if (!confirming) {
    return (
      <button
        type="button"
        ref={startRef}
        onClick={() => setConfirming(true)}
        className="mt-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        Retire version {number}
      </button>
    );
  }
  return (
    <div className="mt-2 text-sm">
      <p className="text-slate-700">
        Retiring records that version {number} is superseded. Attempts of its time keep being evaluated under it.
      </p>
      <ConfirmActions
        cancelRef={cancelRef}
        onCancel={() => {
          retire.reset();
          setConfirming(false);
        }}
        onConfirm={() => retire.mutate({ definitionKey, number })}
        pending={retire.isPending}
        confirmLabel={`Yes, retire version ${number}`}
        pendingLabel="Retiring…"
        tone="danger"
        error={retire.error}
      />
    </div>
  );
}
