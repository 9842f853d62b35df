import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OpenDisputeDialog } from "@/components/disputes/open-dispute-dialog";
import { OutcomeDisputes } from "@/components/disputes/outcome-disputes";
import { EvaluationChecklist } from "@/components/outcomes/evaluation-checklist";
import { EvidenceTimeline, ObservationWindowNote } from "@/components/outcomes/evidence-timeline";
import { OutcomeStatusBadge } from "@/components/outcomes/outcome-status-badge";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import type { EvaluationTrace } from "@/domain/evaluation/criteria";
import { describeTrailCounts } from "@/domain/ingestion/evidence-arrival";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatDateTimeIn } from "@/lib/format";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Outcome" };

export default async function OutcomePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const caller = await serverCaller();
  const [outcome, disputes, me] = await Promise.all([
    caller.outcomes.byId({ attemptId: id }).catch((error: { code?: string }) => {
      if (error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    caller.disputes.ofOutcome({ attemptId: id }),
    caller.session.me(),
  ]);
  const { attempt, events, counts, billing } = outcome;
  return (
    <>
      <PageHeader
        title={`${attempt.definition.name}: ${attempt.subject}`}
        description={
          <>
            {attempt.customer.name} · occurred {formatDateTimeIn(attempt.occurredAt, attempt.customer.timezone)} ·{" "}
            {describeTrailCounts(counts)}
          </>
        }
        actions={<OutcomeStatusBadge status={attempt.status} />}
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card title="Evidence trail">
            <ObservationWindowNote
              timeZone={attempt.customer.timezone}
              windowClosesAt={attempt.windowClosesAt}
              final={attempt.finalizedAt !== null}
            />
            <EvidenceTimeline timeZone={attempt.customer.timezone} events={events} />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Evaluation">
            <EvaluationChecklist
              timeZone={attempt.customer.timezone}
              trace={attempt.trace as unknown as EvaluationTrace}
              definitionName={attempt.definition.name}
              ruleHref={`/rules/${attempt.definition.key}/${(attempt.trace as unknown as EvaluationTrace).versionNumber}`}
            />
          </Card>
          <Card title="On the bill">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="font-medium text-slate-500">Price applied</dt>
                <dd className="text-slate-900">{billing.price}</dd>
              </div>
              {attempt.charge && (
                <div>
                  <dt className="font-medium text-slate-500">Charged for this outcome</dt>
                  <dd className="text-slate-900" data-testid="outcome-charge">
                    {attempt.charge.summary.charAt(0).toUpperCase() + attempt.charge.summary.slice(1)}.
                  </dd>
                  {attempt.charge.adjustment && <dd className="mt-1 text-slate-600">{attempt.charge.adjustment}</dd>}
                </div>
              )}
              <div>
                <dt className="font-medium text-slate-500">Invoice</dt>
                <dd>
                  {billing.invoice ? (
                    <Link href={`/invoices/${billing.invoice.id}`} className="text-brand-700 underline">
                      {billing.invoice.number ?? `Draft for ${periodLabel(billing.invoice.periodStart)}`}
                    </Link>
                  ) : (
                    "Not on an invoice"
                  )}
                  {billing.late && " (billed late, after its own period was finalized)"}
                </dd>
              </div>
              {billing.line && (
                <div>
                  <dt className="font-medium text-slate-500">Line</dt>
                  <dd className="text-slate-900">{billing.line}</dd>
                </div>
              )}
            </dl>
          </Card>
          <Card title="Disputes">
            <div className="space-y-4">
              <OutcomeDisputes timeZone={attempt.customer.timezone} disputes={disputes} />
              {attempt.status === "billable" && (
                <OpenDisputeDialog
                  scope={{ kind: "outcomes", attemptIds: [attempt.id] }}
                  label="Dispute this outcome"
                  role={me.role}
                />
              )}
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}
