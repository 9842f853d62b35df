"use client";
// Opening a dispute: the dialog first asks the server what the scope covers (how many
// outcomes, the amount at stake, which cannot be disputed and why), then takes the claim.
// Everything is checked again on the server when the dispute is opened.
import { useMutation, useQuery } from "@tanstack/react-query";
import type { inferRouterInputs } from "@trpc/server";
import { useRouter } from "next/navigation";
import { type FormEvent, useId, useRef, useState } from "react";
import type { Role } from "@/domain/roles";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";
import type { AppRouter } from "@/server/trpc/root";
import { type DisputeClaimDraft, DisputeClaimFields } from "./dispute-claim-fields";
import { DisputePreviewSummary } from "./dispute-preview-summary";

export type DisputeScopeInput = inferRouterInputs<AppRouter>["disputes"]["preview"]["scope"];

const openerClass =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-700";

/**
 * A button that opens the dispute dialog for `scope`. Only finance users dispute; viewers and
 * provider staff get a short note instead (the server refuses them too).
 */
export function OpenDisputeDialog({ scope, label, role }: { scope: DisputeScopeInput; label: string; role: Role }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const titleId = useId();

  if (role !== "finance") return <DisputeNotAllowed role={role} />;
  const close = () => dialog.current?.close();
  return (
    <>
      <button
        type="button"
        className={openerClass}
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        onClose={() => setOpen(false)}
        className="m-auto w-full max-w-2xl rounded-xl border border-slate-200 bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        {open && <DisputeForm scope={scope} titleId={titleId} onCancel={close} />}
      </dialog>
    </>
  );
}

/** Why there is no dispute button for this user. */
export function DisputeNotAllowed({ role }: { role: Role }) {
  return (
    <p className="text-sm text-slate-600">
      {role === "viewer" ? "Only your finance users can dispute." : "Only the customer's finance users can dispute."}
    </p>
  );
}

function DisputeForm({
  scope,
  titleId,
  onCancel,
}: {
  scope: DisputeScopeInput;
  titleId: string;
  onCancel: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const preview = useQuery(trpc.disputes.preview.queryOptions({ scope }, { staleTime: 0, retry: false }));
  const [claim, setClaim] = useState<DisputeClaimDraft>({
    reason: "",
    message: "",
    supportingText: "",
    links: "",
  });
  const open = useMutation(
    trpc.disputes.open.mutationOptions({
      onSuccess: (result) => router.push(`/disputes/${result.disputeId}`),
      // Someone disputed some of these a moment ago: show the current picture.
      onError: (error) => {
        if (error.data?.code === "CONFLICT") void preview.refetch();
      },
    }),
  );
  const fields = fieldErrorsOf(open.error);
  const claimFieldFailed = Object.keys(fields).some((path) => !path.startsWith("scope"));
  const refusals = preview.data?.refused ?? [];
  const eligible = preview.data?.eligibleCount ?? 0;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    open.mutate({
      scope,
      // An unchosen reason travels as is: the server answers with the field's own message.
      reason: claim.reason as "other",
      message: claim.message,
      supportingText: claim.supportingText,
      supportingLinks: claim.links
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
      onlyEligible: refusals.length > 0,
    });
  }

  const submitLabel =
    refusals.length > 0
      ? `Dispute the ${eligible.toLocaleString("en-US")} eligible ${eligible === 1 ? "outcome" : "outcomes"}`
      : `Open the dispute`;

  return (
    <div className="max-h-[85vh] overflow-y-auto p-6">
      <h2 id={titleId} className="text-lg font-semibold text-slate-900">
        Dispute {preview.data ? preview.data.label.toLowerCase() : "outcomes"}
      </h2>
      {preview.isPending ? (
        <p role="status" className="mt-3 text-sm text-slate-600">
          Checking which outcomes can be disputed…
        </p>
      ) : preview.isError ? (
        <div className="mt-3 space-y-3">
          <p role="alert" className="text-sm text-red-700">
            {errorMessage(preview.error)}
          </p>
          <CancelButton onCancel={onCancel} label="Close" />
        </div>
      ) : eligible === 0 ? (
        <div className="mt-3 space-y-3">
          <DisputePreviewSummary preview={preview.data} />
          <p className="text-sm text-slate-700">There is nothing here that can be disputed.</p>
          <CancelButton onCancel={onCancel} label="Close" />
        </div>
      ) : (
        <form onSubmit={onSubmit} noValidate className="mt-3 space-y-4" aria-labelledby={titleId}>
          <DisputePreviewSummary preview={preview.data} />
          <DisputeClaimFields claim={claim} onClaim={setClaim} fields={fields} />
          {open.isError && (
            <p role="alert" className="text-sm text-red-700">
              {claimFieldFailed
                ? "Some fields need attention; see the messages beside them."
                : errorMessage(open.error)}
            </p>
          )}
          <div className="flex flex-wrap gap-2">
            <button
              type="submit"
              disabled={open.isPending || open.isSuccess}
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
            >
              {open.isPending || open.isSuccess ? "Opening the dispute…" : submitLabel}
            </button>
            <CancelButton onCancel={onCancel} label="Cancel" />
          </div>
        </form>
      )}
    </div>
  );
}

function CancelButton({ onCancel, label }: { onCancel: () => void; label: string }) {
  return (
    <button
      type="button"
      onClick={onCancel}
      className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
    >
      {label}
    </button>
  );
}
