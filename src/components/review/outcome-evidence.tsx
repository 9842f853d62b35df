"use client";
import { useQuery } from "@tanstack/react-query";
import { EvaluationChecklist } from "@/components/outcomes/evaluation-checklist";
import { EvidenceTimeline, ObservationWindowNote } from "@/components/outcomes/evidence-timeline";
import { Link } from "@/components/ui/link";
import type { EvaluationTrace } from "@/domain/evaluation/criteria";
import { errorMessage, useTRPC } from "@/lib/trpc";

/** One disputed outcome's evidence trail and evaluation trace, side by side. */
export function OutcomeEvidence({ attemptId }: { attemptId: string }) {
  const trpc = useTRPC();
  const outcome = useQuery(trpc.outcomes.byId.queryOptions({ attemptId }));
  if (outcome.isPending) return <p className="text-sm text-slate-600">Loading the evidence…</p>;
  if (outcome.isError)
    return (
      <p role="alert" className="text-sm text-red-700">
        {errorMessage(outcome.error)}
      </p>
    );
  const { attempt, events, billing } = outcome.data;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        {attempt.definition.name}: <strong className="text-slate-900">{attempt.subject}</strong> · {billing.price}
        {billing.line && ` · ${billing.line}`} ·{" "}
        <Link href={`/outcomes/${attempt.id}`} className="text-brand-700 underline">
          Outcome page
        </Link>
      </p>
      <div className="grid gap-4 xl:grid-cols-2">
        <section aria-label="Evidence trail" className="min-w-0">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Evidence trail</h3>
          <ObservationWindowNote
            timeZone={attempt.customer.timezone}
            windowClosesAt={attempt.windowClosesAt}
            final={attempt.finalizedAt !== null}
          />
          <EvidenceTimeline timeZone={attempt.customer.timezone} events={events} />
        </section>
        <section aria-label="Evaluation trace" className="min-w-0">
          <h3 className="mb-2 text-sm font-semibold text-slate-900">Evaluation trace</h3>
          <EvaluationChecklist
            timeZone={attempt.customer.timezone}
            trace={attempt.trace as unknown as EvaluationTrace}
            definitionName={attempt.definition.name}
          />
        </section>
      </div>
    </div>
  );
}
