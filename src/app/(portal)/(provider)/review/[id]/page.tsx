import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DisputeAssignment } from "@/components/review/dispute-assignment";
import { DisputeAuditTrail } from "@/components/review/dispute-audit-trail";
import { DisputeClaim } from "@/components/review/dispute-claim";
import { DisputeDecisions } from "@/components/review/dispute-decisions";
import { DisputeThread } from "@/components/review/dispute-thread";
import { DisputedOutcomesWorkbench } from "@/components/review/disputed-outcomes-workbench";
import { OUTCOME_STATE_LABELS, OUTCOME_STATES } from "@/components/review/outcome-states";
import { ReplyForm } from "@/components/review/reply-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatMoney } from "@/domain/money";
import { currentActor } from "@/server/auth/current-actor";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Dispute review" };

const STATUS_WORDS = { open: "Open", resolved: "Resolved", withdrawn: "Withdrawn" } as const;

export default async function DisputeReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const caller = await serverCaller();
  const [found, reviewers, actor] = await Promise.all([
    caller.disputes.byId({ disputeId: id }).catch((error: { code?: string }) => {
      if (error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    caller.disputes.reviewers(),
    currentActor(),
  ]);
  const { dispute, messages, decisions, audit, countsByState } = found;
  const counts = OUTCOME_STATES.filter((s) => countsByState[s]).map(
    (s) => `${countsByState[s]} ${OUTCOME_STATE_LABELS[s].toLowerCase()}`,
  );
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/review" className="text-brand-700 underline">
          ← Review queue
        </Link>
      </p>
      <PageHeader
        title={`Dispute ${dispute.number}`}
        description={
          <>
            {STATUS_WORDS[dispute.status]} · {dispute.customer.name} · {dispute.outcomeCount}{" "}
            {dispute.outcomeCount === 1 ? "outcome" : "outcomes"} ({counts.join(", ")}) · at stake{" "}
            {formatMoney(dispute.atStakeMinor, dispute.currency)} · credited{" "}
            {formatMoney(dispute.creditedMinor, dispute.currency)}
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card title="The customer's claim">
            <DisputeClaim
              claim={{
                reason: dispute.reason,
                message: dispute.message,
                supportingText: dispute.supportingText,
                supportingLinks: dispute.supportingLinks,
                scopeLabel: dispute.scopeLabel,
                openedBy: dispute.openedBy,
                openedAt: dispute.openedAt,
                slaDueAt: dispute.slaDueAt,
                serviceLevel: dispute.serviceLevel,
                customerName: dispute.customer.name,
              }}
            />
          </Card>
          <Card title="Assignment">
            <DisputeAssignment
              dispute={{ id: dispute.id, number: dispute.number }}
              assignee={dispute.assignee}
              me={actor?.userId ?? ""}
              reviewers={reviewers.map(({ id, name }) => ({ id, name }))}
            />
          </Card>
          <Card title={`Decisions (${decisions.length})`}>
            <DisputeDecisions decisions={decisions} currency={dispute.currency} />
          </Card>
          <Card title="Thread">
            <DisputeThread messages={messages} />
            {dispute.status === "open" && <ReplyForm disputeId={dispute.id} />}
          </Card>
          <Card title="Audit trail">
            <DisputeAuditTrail entries={audit} />
          </Card>
        </div>
        <Card title="Disputed outcomes">
          <DisputedOutcomesWorkbench
            disputeId={dispute.id}
            currency={dispute.currency}
            open={dispute.status === "open"}
            undecidedCount={countsByState.undecided ?? 0}
          />
        </Card>
      </div>
    </>
  );
}
