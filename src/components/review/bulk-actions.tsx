"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { FieldError, fieldClass, TextField } from "@/components/ui/form-field";
import { ADJUDICATION_KINDS, type AdjudicationKind, type RootCause } from "@/domain/disputes/dispute-terms";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";
import { CannedRationales } from "./canned-rationales";
import { RootCauseField } from "./root-cause-field";

const KIND_WORDS: Record<AdjudicationKind, string> = {
  accept: "Accept all",
  partial: "Partial credit for all",
  reject: "Reject all",
};

const small =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60";

/**
 * What a reviewer does to the selected disputes at once: assign them, or decide every undecided
 * outcome of each the same way with one rationale and root cause. The server decides each
 * dispute as a single decision would and reports what happened to each.
 */
export function BulkActions({
  selectedIds,
  reviewers,
  me,
  onDone,
}: {
  selectedIds: string[];
  reviewers: { id: string; name: string }[];
  me: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [assigneeId, setAssigneeId] = useState(me);
  const [kind, setKind] = useState<AdjudicationKind | "">("");
  const [percent, setPercent] = useState("");
  const [rationale, setRationale] = useState("");
  const [rootCause, setRootCause] = useState<RootCause | "">("");
  const [criterion, setCriterion] = useState("");
  const [report, setReport] = useState("");
  const after = {
    onSuccess: (result: { summary: string }) => {
      setReport(result.summary);
      onDone();
      router.refresh();
    },
  };
  const assign = useMutation(trpc.disputes.assignMany.mutationOptions(after));
  const decide = useMutation(trpc.disputes.decideMany.mutationOptions(after));
  const fields = fieldErrorsOf(decide.error);
  const count = selectedIds.length;
  const noun = count === 1 ? "dispute" : "disputes";

  function onDecide(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setReport("");
    decide.mutate({
      disputeIds: selectedIds,
      // An empty choice goes to the server as is, so that every missing field is named at once.
      kind: kind as AdjudicationKind,
      percent: kind === "partial" ? percent.trim() : undefined,
      rationale,
      rootCause: rootCause as RootCause,
      criterion: rootCause === "definition_gap" ? criterion.trim() || undefined : undefined,
    });
  }

  return (
    <section aria-labelledby="bulk-heading" className="mb-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h2 id="bulk-heading" className="text-sm font-semibold text-slate-900">
        {count === 0 ? "Select disputes to assign or decide them together" : `${count} ${noun} selected`}
      </h2>
      <output aria-live="polite" className="mt-1 block text-sm text-slate-800" data-testid="bulk-report">
        {report}
      </output>
      {count > 0 && (
        <div className="mt-3 grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
          <form
            className="flex flex-wrap items-end gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              setReport("");
              assign.mutate({ disputeIds: selectedIds, assigneeId: assigneeId || null });
            }}
          >
            <label className="text-sm font-medium text-slate-700">
              Assign to
              <select
                value={assigneeId}
                onChange={(e) => setAssigneeId(e.target.value)}
                className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              >
                <option value="">Nobody (unassign)</option>
                {reviewers.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.id === me ? `${r.name} (you)` : r.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={assign.isPending} className={small}>
              Assign {count} {noun}
            </button>
            {assign.isError && (
              <p role="alert" className="w-full text-sm text-red-700">
                {errorMessage(assign.error)}
              </p>
            )}
          </form>
          <form onSubmit={onDecide} noValidate aria-label="Decide the selected disputes" className="space-y-3">
            <fieldset>
              <legend className="text-sm font-medium text-slate-700">Every undecided outcome of each</legend>
              <div className="mt-1 flex flex-wrap gap-4 text-sm">
                {ADJUDICATION_KINDS.map((k) => (
                  <label key={k} className="flex items-center gap-2">
                    <input type="radio" name="bulk-kind" checked={kind === k} onChange={() => setKind(k)} />
                    {KIND_WORDS[k]}
                  </label>
                ))}
              </div>
              <FieldError id="bulk-kind-error" message={fields.kind} />
            </fieldset>
            {kind === "partial" && (
              <TextField
                id="bulk-percent"
                label="Percentage to credit"
                value={percent}
                onValue={setPercent}
                inputMode="decimal"
                error={fields.percent}
                hint="More than 0 and less than 100."
                className="max-w-40"
              />
            )}
            <div>
              <label htmlFor="bulk-rationale" className="block text-sm font-medium text-slate-700">
                Rationale (one for all)
              </label>
              <textarea
                id="bulk-rationale"
                value={rationale}
                onChange={(e) => setRationale(e.target.value)}
                rows={3}
                maxLength={5_000}
                aria-invalid={!!fields.rationale}
                aria-describedby={fields.rationale ? "bulk-rationale-error" : undefined}
                className={fieldClass}
              />
              <FieldError id="bulk-rationale-error" message={fields.rationale} />
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <RootCauseField id="bulk-root-cause" value={rootCause} onChange={setRootCause} error={fields.rootCause} />
              {rootCause === "definition_gap" && (
                <TextField
                  id="bulk-criterion"
                  label="Criterion (its attribute)"
                  value={criterion}
                  onValue={setCriterion}
                  error={fields.criterion}
                  hint="e.g. reopened; a dispute whose outcomes lack it is skipped."
                />
              )}
            </div>
            <CannedRationales rootCause={rootCause} onUse={setRationale} />
            {decide.isError && Object.keys(fields).length === 0 && (
              <p role="alert" className="text-sm text-red-700">
                {errorMessage(decide.error)}
              </p>
            )}
            <button
              type="submit"
              disabled={decide.isPending}
              className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-70"
            >
              {decide.isPending ? "Deciding…" : `${kind ? KIND_WORDS[kind] : "Decide"}: ${count} ${noun}`}
            </button>
          </form>
        </div>
      )}
    </section>
  );
}
