"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { useTRPC } from "@/lib/trpc";
import { useConfirmStep } from "@/lib/use-confirm-step";
import type { WebhookEndpointRow } from "./webhook-endpoint-table";

/** Disabling takes two steps: "Disable", then a confirmation that says what stops. */
export function DisableWebhookEndpointButton({
  endpoint,
  onDisabled,
}: {
  endpoint: WebhookEndpointRow;
  onDisabled: (endpoint: WebhookEndpointRow) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { confirming, setConfirming, startRef: start, cancelRef: cancel } = useConfirmStep();
  const disable = useMutation(
    trpc.webhooks.disable.mutationOptions({
      onSuccess: () => {
        onDisabled(endpoint);
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
        aria-label={`Disable ${endpoint.url}`}
        className="rounded-md border border-red-300 bg-white px-3 py-1 text-sm font-medium text-red-700 hover:bg-red-50"
      >
        Disable
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
      <legend className="sr-only">Confirm disabling {endpoint.url}</legend>
      <p className="max-w-xs text-sm text-slate-700">
        Disable this endpoint? It receives no more events and its pending deliveries are given up. This cannot be
        undone.
      </p>
      <ConfirmActions
        cancelRef={cancel}
        onCancel={() => setConfirming(false)}
        onConfirm={() => disable.mutate({ id: endpoint.id })}
        pending={disable.isPending}
        confirmLabel="Yes, disable"
        pendingLabel="Disabling…"
        tone="danger"
        error={disable.error}
      />
    </fieldset>
  );
}
