"use client";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import {
  type AdjudicationKind,
  DISPUTED_OUTCOME_STATE_LABELS,
  DISPUTED_OUTCOME_STATES,
  type DisputedOutcomeState,
} from "@/domain/disputes/dispute-terms";
import type { EvaluationTrace } from "@/domain/evaluation/criteria";
import { errorMessage, useTRPC } from "@/lib/trpc";
import { DecidedNotice, type DecidedSummary, DecisionForm, type DecisionFormHandle } from "./decision-form";
import { DisputedOutcomeList } from "./disputed-outcome-list";
import { OutcomeEvidence } from "./outcome-evidence";
import { ShortcutHelp, type ShortcutHelpHandle, ShortcutHint } from "./shortcut-help";
import { useShortcuts } from "./use-shortcuts";

const PAGE = 100;
/** The most the use case lists at once; deciding every undecided outcome reads them in pages of this. */
const FULL_PAGE = 500;

const SHORTCUTS: [string, string][] = [
  ["j", "Next outcome"],
  ["k", "Previous outcome"],
  ["n", "Next undecided outcome"],
  ["x", "Select or unselect the outcome shown"],
  ["a", "Accept: pre-fill the decision and go to the rationale"],
  ["p", "Partial credit: pre-fill and go to the rationale"],
  ["r", "Reject: pre-fill and go to the rationale"],
  ["?", "Show these shortcuts"],
];

/**
 * The disputed outcomes beside the claim: page through them, view one's evidence trail and
 * evaluation trace, select some, and decide them.
 */
export function DisputedOutcomesWorkbench({
  disputeId,
  customerId,
  currency,
  open,
  undecidedCount,
}: {
  disputeId: string;
  customerId: string;
  currency: string;
  open: boolean;
  undecidedCount: number;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [state, setState] = useState<DisputedOutcomeState | "">(open && undecidedCount > 0 ? "undecided" : "");
  const [viewedId, setViewedId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [decided, setDecided] = useState<DecidedSummary | null>(null);
  const [notice, setNotice] = useState("");
  const form = useRef<DecisionFormHandle>(null);
  const help = useRef<ShortcutHelpHandle>(null);
  const viewButtons = useRef(new Map<string, HTMLButtonElement>());

  // Pages by cursor (the input is strict, so tRPC's infinite-query "direction" cannot ride along).
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const pages = useQueries({
    queries: cursors.map((cursor) =>
      trpc.disputes.outcomes.queryOptions({ disputeId, state: state || undefined, limit: PAGE, cursor }),
    ),
  });
  const firstPage = pages[0]!;
  const lastPage = pages.at(-1)!;
  const nextCursor = lastPage.data?.nextCursor ?? null;
  const outcomes = pages.flatMap((p) => p.data?.outcomes ?? []);
  const viewedIndex = outcomes.findIndex((o) => o.attemptId === viewedId);
  const viewed = viewedIndex >= 0 ? outcomes[viewedIndex] : outcomes[0];

  // One outcome per definition version stands for its criteria (a definition gap names one of them).
  const targeted =
    selected.size > 0
      ? outcomes.filter((o) => selected.has(o.attemptId))
      : outcomes.filter((o) => o.state === "undecided");
  const representatives = [
    ...new Map(targeted.map((o) => [`${o.definitionKey}@${o.version}`, o.attemptId])).values(),
  ].slice(0, 10);
  const traces = useQueries({
    queries: representatives.map((attemptId) => trpc.outcomes.byId.queryOptions({ attemptId })),
  });
  const criteria = [
    ...new Map(
      traces.flatMap((t) =>
        ((t.data?.attempt.trace as unknown as EvaluationTrace | undefined)?.criteria ?? []).map(
          (c) => [c.attribute, { attribute: c.attribute, label: c.label }] as const,
        ),
      ),
    ).values(),
  ];

  function view(index: number) {
    const target = outcomes[Math.max(0, Math.min(outcomes.length - 1, index))];
    if (!target) return;
    setViewedId(target.attemptId);
    viewButtons.current.get(target.attemptId)?.focus();
  }

  function toggle(attemptId: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(attemptId)) next.delete(attemptId);
      else next.add(attemptId);
      return next;
    });
  }

  function prefill(kind: AdjudicationKind) {
    if (!open) return setNotice("This dispute is closed: there is nothing left to decide.");
    if (selected.size === 0 && viewed?.state === "undecided") setSelected(new Set([viewed.attemptId]));
    form.current?.prefill(kind);
  }

  async function targetIds(target: "selected" | "all"): Promise<string[]> {
    if (target === "selected") return [...selected];
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await queryClient.fetchQuery(
        trpc.disputes.outcomes.queryOptions({ disputeId, state: "undecided", limit: FULL_PAGE, cursor }),
      );
      ids.push(...page.outcomes.map((o) => o.attemptId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }

  function refresh() {
    setSelected(new Set());
    setCursors([undefined]);
    queryClient.invalidateQueries({ queryKey: trpc.disputes.outcomes.pathKey() });
    queryClient.invalidateQueries({ queryKey: trpc.disputes.counters.queryKey() });
    router.refresh();
  }

  useShortcuts({
    j: () => view(viewedIndex < 0 ? 1 : viewedIndex + 1),
    k: () => view(viewedIndex < 0 ? 0 : viewedIndex - 1),
    n: () => {
      const from = viewedIndex < 0 ? 0 : viewedIndex + 1;
      const next = [...outcomes.slice(from), ...outcomes.slice(0, from)].find((o) => o.state === "undecided");
      if (next) view(outcomes.indexOf(next));
      else
        setNotice(
          nextCursor ? "No undecided outcome on the pages shown; show more outcomes." : "Every outcome is decided.",
        );
    },
    x: () => {
      if (viewed?.state === "undecided") toggle(viewed.attemptId);
    },
    a: () => prefill("accept"),
    p: () => prefill("partial"),
    r: () => prefill("reject"),
    "?": () => help.current?.open(),
  });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <label className="text-sm font-medium text-slate-700">
          Show
          <select
            value={state}
            onChange={(e) => {
              setState(e.target.value as DisputedOutcomeState | "");
              setCursors([undefined]);
              setViewedId(null);
            }}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            <option value="">Every outcome</option>
            {DISPUTED_OUTCOME_STATES.map((s) => (
              <option key={s} value={s}>
                {DISPUTED_OUTCOME_STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <ShortcutHint
          summary="j/k next and previous, n next undecided, x select, a accept, p partial, r reject"
          onShowAll={() => help.current?.open()}
        />
      </div>
      <ShortcutHelp ref={help} title="Dispute review shortcuts" shortcuts={SHORTCUTS} />
      <output aria-live="polite" className="block text-sm text-slate-700">
        {notice}
      </output>
      {firstPage.isPending ? (
        <p className="text-sm text-slate-600">Loading the disputed outcomes…</p>
      ) : firstPage.isError ? (
        <p role="alert" className="text-sm text-red-700">
          {errorMessage(firstPage.error)}
        </p>
      ) : outcomes.length === 0 ? (
        <p className="text-sm text-slate-600">
          No outcome of this dispute is{" "}
          {state ? DISPUTED_OUTCOME_STATE_LABELS[state as DisputedOutcomeState].toLowerCase() : "listed"}.
        </p>
      ) : (
        <>
          <DisputedOutcomeList
            outcomes={outcomes}
            currency={currency}
            viewedId={viewed?.attemptId ?? null}
            selected={selected}
            onView={setViewedId}
            onToggle={toggle}
            viewButtons={viewButtons}
          />
          {nextCursor && (
            <button
              type="button"
              onClick={() => setCursors((c) => [...c, nextCursor])}
              disabled={lastPage.isPending}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
            >
              {lastPage.isPending ? "Loading…" : "Show more outcomes"}
            </button>
          )}
        </>
      )}
      {viewed && (
        <section aria-labelledby="viewed-outcome-heading" className="rounded-lg border border-slate-200 p-4">
          <h3 id="viewed-outcome-heading" className="mb-2 text-sm font-semibold text-slate-900">
            Evidence for {viewed.subject}
          </h3>
          <OutcomeEvidence attemptId={viewed.attemptId} />
        </section>
      )}
      {decided && <DecidedNotice summary={decided} currency={currency} customerId={customerId} />}
      {open && undecidedCount > 0 && (
        <section aria-labelledby="decision-heading" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
          <h3 id="decision-heading" className="mb-3 text-sm font-semibold text-slate-900">
            Decision
          </h3>
          <DecisionForm
            ref={form}
            disputeId={disputeId}
            currency={currency}
            selectedIds={[...selected]}
            highlighted={
              viewed?.state === "undecided" ? { attemptId: viewed.attemptId, subject: viewed.subject } : null
            }
            undecidedCount={undecidedCount}
            targetIds={targetIds}
            criteria={criteria}
            onDecided={(summary) => {
              setDecided(summary);
              refresh();
            }}
            onConflict={refresh}
          />
        </section>
      )}
    </div>
  );
}
