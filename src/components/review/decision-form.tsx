"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, type Ref, useImperativeHandle, useRef, useState } from "react";
import { FieldError, fieldClass } from "@/components/ui/form-field";
import { decisionButtonText, type InvoiceCredited, whereCredited } from "@/domain/disputes/decision-wording";
import {
  ADJUDICATION_KINDS,
  ADJUDICATION_LABELS,
  type AdjudicationKind,
  type RootCause,
} from "@/domain/disputes/dispute-terms";
import { formatMoney } from "@/domain/money-format";
import { fieldErrorsOf } from "@/lib/field-errors";
import { errorMessage, useTRPC } from "@/lib/trpc";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { CannedRationales } from "./canned-rationales";
import { InvoiceLink } from "./invoice-link";
import { RootCauseField } from "./root-cause-field";

export interface DecisionFormHandle {
  /** Pre-fills the decision and puts the cursor in the rationale; the reviewer still submits. */
  prefill: (kind: AdjudicationKind) => void;
}

export interface DecidedSummary {
  outcomes: number;
  kind: AdjudicationKind;
  percent: string | null;
  creditMinor: bigint;
  explanation: string;
  resolved: boolean;
  /** The invoices the decision changed, to link to. */
  invoices: (InvoiceCredited & { id: string })[];
}

const KIND_WORDS: Record<AdjudicationKind, string> = {
  accept: "Accept (full credit)",
  partial: "Partial credit",
  reject: "Reject",
};

function isConflict(error: unknown): boolean {
  return (error as { data?: { code?: string } } | null)?.data?.code === "CONFLICT";
}

/** Decides the selected outcomes, or every undecided one: accept, partial or reject, with a rationale and root cause. */
export function DecisionForm({
  ref,
  disputeId,
  currency,
  selectedIds,
  highlighted,
  undecidedCount,
  targetIds,
  criteria,
  onDecided,
  onConflict,
}: {
  ref: Ref<DecisionFormHandle>;
  disputeId: string;
  currency: string;
  selectedIds: string[];
  /** The undecided outcome on screen: what "selected" means when nothing is selected. */
  highlighted: { attemptId: string; subject: string } | null;
  undecidedCount: number;
  /** The attempt ids the chosen target covers (all undecided ones are read in full on submit). */
  targetIds: (target: "selected" | "all") => Promise<string[]>;
  /** The criteria of the targeted outcomes' definition versions, for a definition gap. */
  criteria: { attribute: string; label: string }[];
  onDecided: (summary: DecidedSummary) => void;
  onConflict: () => void;
}) {
  const trpc = useTRPC();
  const [target, setTarget] = useState<"selected" | "all">("selected");
  const [kind, setKind] = useState<AdjudicationKind | "">("");
  const [percent, setPercent] = useState("");
  const [rationale, setRationale] = useState("");
  const [rootCause, setRootCause] = useState<RootCause | "">("");
  const [criterion, setCriterion] = useState("");
  const [problem, setProblem] = useState("");
  const rationaleField = useRef<HTMLTextAreaElement>(null);
  const decide = useMutation(trpc.disputes.decide.mutationOptions());
  const fields = fieldErrorsOf(decide.error);
  const onHighlighted = selectedIds.length === 0 && highlighted !== null;
  const chosenIds = selectedIds.length > 0 ? selectedIds : highlighted ? [highlighted.attemptId] : [];
  const count = target === "selected" ? chosenIds.length : undecidedCount;
  // What the decision would credit: a dry run of the decision itself, once the inputs settle.
  const settledPercent = useDebouncedValue(percent.trim(), 400);
  const priced = kind === "accept" || (kind === "partial" && /^\d{1,2}(\.\d{1,2})?$/.test(settledPercent));
  const preview = useQuery({
    ...trpc.disputes.previewDecision.queryOptions({
      disputeId,
      attemptIds: target === "selected" ? chosenIds : undefined,
      kind: kind || "accept",
      percent: kind === "partial" ? settledPercent : undefined,
    }),
    enabled: priced && count > 0 && !decide.isPending,
    retry: false,
  });

  useImperativeHandle(
    ref,
    () => ({
      prefill: (next) => {
        setKind(next);
        rationaleField.current?.focus();
      },
    }),
    [],
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem("");
    decide.reset();
    const attemptIds = target === "selected" ? chosenIds : await targetIds("all");
    if (target === "all" && attemptIds.length === 0)
      return setProblem("Every outcome of this dispute is already decided.");
    // Whatever is missing goes to the server as is, so that every field's error shows at once.
    decide.mutate(
      {
        disputeId,
        attemptIds,
        kind: kind as AdjudicationKind,
        percent: kind === "partial" ? percent.trim() : undefined,
        rationale,
        rootCause: rootCause as RootCause,
        criterion: rootCause === "definition_gap" ? criterion || undefined : undefined,
      },
      {
        onSuccess: (result) => {
          onDecided({
            outcomes: attemptIds.length,
            kind: kind as AdjudicationKind,
            percent: kind === "partial" ? percent.trim() : null,
            creditMinor: result.creditMinor,
            explanation: result.explanation,
            resolved: result.resolved,
            invoices: result.invoices,
          });
          setKind("");
          setPercent("");
          setRationale("");
          setRootCause("");
          setCriterion("");
        },
        onError: (error) => {
          if (isConflict(error)) onConflict();
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Decide the outcomes" className="space-y-4">
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Decide</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="target" checked={target === "selected"} onChange={() => setTarget("selected")} />
            {onHighlighted
              ? `The outcome shown (${highlighted.subject})`
              : `The selected outcomes (${selectedIds.length})`}
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="target" checked={target === "all"} onChange={() => setTarget("all")} />
            Every undecided outcome ({undecidedCount})
          </label>
        </div>
        <FieldError id="decision-target-error" message={fields.attemptIds} />
      </fieldset>
      <fieldset aria-describedby={fields.kind ? "decision-kind-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">Decision</legend>
        <div className="mt-1 flex flex-wrap gap-4 text-sm">
          {ADJUDICATION_KINDS.map((k) => (
            <label key={k} className="flex items-center gap-2">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {KIND_WORDS[k]}
            </label>
          ))}
        </div>
        <FieldError id="decision-kind-error" message={fields.kind} />
      </fieldset>
      {kind === "partial" && (
        <div>
          <label htmlFor="decision-percent" className="block text-sm font-medium text-slate-700">
            Percentage of the disputed charge to credit
          </label>
          <input
            id="decision-percent"
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
            inputMode="decimal"
            autoComplete="off"
            placeholder="e.g. 50"
            aria-invalid={!!fields.percent}
            aria-describedby={fields.percent ? "decision-percent-error" : "decision-percent-hint"}
            className={`${fieldClass} max-w-32`}
          />
          {fields.percent ? (
            <FieldError id="decision-percent-error" message={fields.percent} />
          ) : (
            <p id="decision-percent-hint" className="mt-1 text-xs text-slate-500">
              More than 0 and less than 100, up to two decimals.
            </p>
          )}
        </div>
      )}
      <div>
        <label htmlFor="decision-rationale" className="block text-sm font-medium text-slate-700">
          Rationale
        </label>
        <textarea
          id="decision-rationale"
          ref={rationaleField}
          value={rationale}
          onChange={(e) => setRationale(e.target.value)}
          rows={4}
          maxLength={5_000}
          required
          aria-invalid={!!fields.rationale}
          aria-describedby={fields.rationale ? "decision-rationale-error" : "decision-rationale-hint"}
          className={fieldClass}
        />
        {fields.rationale ? (
          <FieldError id="decision-rationale-error" message={fields.rationale} />
        ) : (
          <p id="decision-rationale-hint" className="mt-1 text-xs text-slate-500">
            Required. The customer reads it with the decision.
          </p>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <RootCauseField id="decision-root-cause" value={rootCause} onChange={setRootCause} error={fields.rootCause} />
        {rootCause === "definition_gap" && (
          <div>
            <label htmlFor="decision-criterion" className="block text-sm font-medium text-slate-700">
              Criterion that is wrong or missing
            </label>
            <select
              id="decision-criterion"
              value={criterion}
              onChange={(e) => setCriterion(e.target.value)}
              aria-invalid={!!fields.criterion}
              aria-describedby={fields.criterion ? "decision-criterion-error" : "decision-criterion-hint"}
              className={fieldClass}
            >
              <option value="">Choose the criterion</option>
              {criteria.map((c) => (
                <option key={c.attribute} value={c.attribute}>
                  {c.label} ({c.attribute})
                </option>
              ))}
            </select>
            {fields.criterion ? (
              <FieldError id="decision-criterion-error" message={fields.criterion} />
            ) : (
              <p id="decision-criterion-hint" className="mt-1 text-xs text-slate-500">
                From the evaluation trace of these outcomes' definition version.
              </p>
            )}
          </div>
        )}
      </div>
      <CannedRationales rootCause={rootCause} onUse={setRationale} />
      {(problem || (decide.isError && Object.keys(fields).length === 0)) && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {problem || errorMessage(decide.error)}
        </p>
      )}
      <button
        type="submit"
        disabled={decide.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {decide.isPending
          ? "Deciding…"
          : kind
            ? decisionButtonText({
                kind,
                percent: percent.trim() || null,
                outcomes: count,
                creditMinor: priced && preview.data ? preview.data.creditMinor : null,
                currency,
                invoices: preview.data?.invoices ?? [],
              })
            : `Decide ${count} ${count === 1 ? "outcome" : "outcomes"}`}
      </button>
    </form>
  );
}

/** What a decision did, in words: the kind, how many outcomes, the credit and why. */
export function DecidedNotice({
  summary,
  currency,
  customerId,
}: {
  summary: DecidedSummary;
  currency: string;
  customerId: string;
}) {
  return (
    <div
      role="status"
      className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900"
      data-testid="decision-result"
    >
      <p className="font-semibold">
        {ADJUDICATION_LABELS[summary.kind]}
        {summary.percent && ` (${summary.percent} %)`}: {summary.outcomes}{" "}
        {summary.outcomes === 1 ? "outcome" : "outcomes"}. Credit {formatMoney(summary.creditMinor, currency)}.
      </p>
      {summary.explanation && <p className="mt-1">{summary.explanation}</p>}
      {summary.resolved && <p className="mt-1">Every outcome is now decided: the dispute is resolved.</p>}
      {summary.kind !== "reject" && summary.invoices.length > 0 && (
        <p className="mt-1">
          Changed:{" "}
          {summary.invoices.map((invoice, index) => (
            <span key={invoice.id}>
              {index > 0 && ", "}
              <InvoiceLink customerId={customerId} invoiceId={invoice.id}>
                {whereCredited([invoice])}
              </InvoiceLink>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
