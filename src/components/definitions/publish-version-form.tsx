"use client";
// Publishes the draft (admins), in two steps: from now or a later time, with a change note and
// the disputes it addresses; those disputes then tell their customer "addressed in version N".
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ConfirmActions } from "@/components/ui/confirm-actions";
import { FieldError, fieldClass } from "@/components/ui/form-field";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";
import { useConfirmStep } from "@/lib/use-confirm-step";

export interface LinkableDispute {
  id: string;
  number: string;
  criterionLabel: string;
  addressedByVersion: number | null;
}

/** "2026-12-01T09:30" read as UTC, the zone every time in the portal is shown in. */
const fromUtcInput = (value: string) => new Date(`${value}:00Z`);

export function PublishVersionForm({
  definitionKey,
  number,
  changeNote: savedNote,
  disputes,
}: {
  definitionKey: string;
  number: number;
  changeNote: string;
  disputes: LinkableDispute[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const { confirming, setConfirming, startRef, cancelRef } = useConfirmStep();
  const [when, setWhen] = useState<"now" | "later">("now");
  const [later, setLater] = useState("");
  const [changeNote, setChangeNote] = useState(savedNote);
  const [linked, setLinked] = useState<string[]>([]);
  const [problem, setProblem] = useState("");
  const publish = useMutation(trpc.definitions.publish.mutationOptions({ onSuccess: () => router.refresh() }));
  const fields = fieldErrorsOf(publish.error);
  const noteError = problem === "note" ? "Say what this version changes and why." : fields.changeNote;
  const whenError = problem === "when" ? "Choose the date and time it takes effect." : fields.effectiveFrom;

  function ask() {
    publish.reset();
    if (changeNote.trim() === "") return setProblem("note");
    if (when === "later" && (later === "" || Number.isNaN(fromUtcInput(later).getTime()))) return setProblem("when");
    setProblem("");
    setConfirming(true);
  }

  function confirm() {
    publish.mutate(
      {
        definitionKey,
        number,
        effectiveFrom: when === "now" ? new Date() : fromUtcInput(later),
        changeNote: changeNote.trim(),
        addressesDisputeIds: linked,
      },
      { onError: () => setConfirming(false) },
    );
  }

  const unfieldedError = publish.isError && !fields.changeNote && !fields.effectiveFrom && !fields.addressesDisputeIds;
  return (
    <form
      onSubmit={(e) => e.preventDefault()}
      noValidate
      aria-label={`Publish version ${number}`}
      className="space-y-4"
    >
      <fieldset aria-describedby={whenError ? "publish-when-error" : "publish-when-hint"}>
        <legend className="text-sm font-medium text-slate-700">Effective from</legend>
        <div className="mt-1 flex flex-wrap items-center gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="publish-when" checked={when === "now"} onChange={() => setWhen("now")} />
            Now
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="publish-when" checked={when === "later"} onChange={() => setWhen("later")} />
            Later
          </label>
          {when === "later" && (
            <label className="flex items-center gap-2">
              Date and time (UTC)
              <input
                type="datetime-local"
                value={later}
                onChange={(e) => setLater(e.target.value)}
                aria-invalid={!!whenError}
                className={`${fieldClass} mt-0 w-auto`}
              />
            </label>
          )}
        </div>
        {whenError ? (
          <FieldError id="publish-when-error" message={whenError} />
        ) : (
          <p id="publish-when-hint" className="mt-1 text-xs text-slate-500">
            Attempts that occur from this time are evaluated under version {number}; earlier ones keep their version. It
            can never fall inside a billing period already finalized, so no finalized bill ever changes.
          </p>
        )}
      </fieldset>
      <div>
        <label htmlFor="publish-change-note" className="block text-sm font-medium text-slate-700">
          Change note (required)
        </label>
        <textarea
          id="publish-change-note"
          rows={3}
          value={changeNote}
          onChange={(e) => setChangeNote(e.target.value)}
          aria-invalid={!!noteError}
          aria-describedby={noteError ? "publish-change-note-error" : undefined}
          className={fieldClass}
        />
        <FieldError id="publish-change-note-error" message={noteError} />
      </div>
      <fieldset aria-describedby={fields.addressesDisputeIds ? "publish-disputes-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Disputes this version addresses</legend>
        {disputes.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">No upheld dispute found a gap in this definition.</p>
        ) : (
          <ul className="mt-1 space-y-1 text-sm">
            {disputes.map((d) => (
              <li key={d.id}>
                <label className="flex items-center gap-2">
                  <input
                    type="checkbox"
                    checked={linked.includes(d.id)}
                    disabled={d.addressedByVersion !== null}
                    onChange={(e) =>
                      setLinked((ids) => (e.target.checked ? [...ids, d.id] : ids.filter((id) => id !== d.id)))
                    }
                  />
                  {d.number} — {d.criterionLabel}
                  {d.addressedByVersion !== null && ` (already addressed in version ${d.addressedByVersion})`}
                </label>
              </li>
            ))}
          </ul>
        )}
        <FieldError id="publish-disputes-error" message={fields.addressesDisputeIds} />
      </fieldset>
      {!confirming ? (
        <button
          type="button"
          ref={startRef}
          onClick={ask}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Publish version {number}…
        </button>
      ) : (
        <div className="text-sm">
          <p className="text-slate-700">
            Version {number} can never change once published. It takes effect{" "}
            {when === "now" ? "now" : `on ${later.replace("T", " ")} UTC`}
            {linked.length > 0 &&
              ` and tells the customers of ${linked.length} ${linked.length === 1 ? "dispute" : "disputes"} it addresses them`}
            .
          </p>
          <ConfirmActions
            cancelRef={cancelRef}
            onCancel={() => setConfirming(false)}
            onConfirm={confirm}
            pending={publish.isPending}
            confirmLabel={`Yes, publish version ${number}`}
            pendingLabel="Publishing…"
            tone="primary"
            error={null}
          />
        </div>
      )}
      {unfieldedError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {errorMessage(publish.error)}
        </p>
      )}
    </form>
  );
}
