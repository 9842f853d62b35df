"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { useTRPC } from "@/lib/trpc";
import { useConfirmStep } from "@/lib/use-confirm-step";
import type { ApiKeyRow } from "./api-key-table";

/** Revoking takes two steps: "Revoke", then a confirmation that says what stops working. */
export function RevokeApiKeyButton({ apiKey, onRevoked }: { apiKey: ApiKeyRow; onRevoked: (key: ApiKeyRow) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { confirming, setConfirming, startRef: start, cancelRef: cancel } = useConfirmStep();
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({
      onSuccess: () => {
        onRevoked(apiKey);
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
        aria-label={`Revoke ${apiKey.name} (${apiKey.prefix})`}
        className="rounded-md border border-red-300 bg-white px-3 py-1 text-sm font-medium text-red-700 hover:bg-red-50"
      >
        Revoke
      </button>
    );
  }
  return (
    <fieldset
      className="flex flex-col items-end gap-2 text-left"
      onKeyDown={(e) => {
        if (e.key === "Escape") setConfirming(false);
      }}
    >
      <legend className="sr-only">Confirm revoking {apiKey.name}</legend>
      <p className="max-w-xs text-sm text-slate-700">
        Revoke <span className="font-mono text-xs">{apiKey.prefix}</span>? Systems using it are refused at once. This
        cannot be undone.
      </p>
      <ConfirmActions
        cancelRef={cancel}
        onCancel={() => setConfirming(false)}
        onConfirm={() => revoke.mutate({ prefix: apiKey.prefix })}
        pending={revoke.isPending}
        confirmLabel="Yes, revoke"
        pendingLabel="Revoking…"
        tone="danger"
        error={revoke.error}
      />
    </fieldset>
  );
}
