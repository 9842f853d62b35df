import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DisputeAuditTrail } from "@/components/disputes/dispute-audit-trail";
import { DisputeClaim } from "@/components/disputes/dispute-claim";
import { DisputeDecisions } from "@/components/disputes/dispute-decisions";
import { DisputeThread } from "@/components/disputes/dispute-thread";
import { DisputeAssignment } from "@/components/review/dispute-assignment";
import { DisputedOutcomesWorkbench } from "@/components/review/disputed-outcomes-workbench";
import { InternalNotes } from "@/components/review/internal-notes";
import { PresenceIndicator } from "@/components/review/presence-indicator";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { describeDeciders } from "@/domain/disputes/bulk-decision";
import {
  DISPUTE_STATUS_LABELS,
  DISPUTED_OUTCOME_STATE_LABELS,
  DISPUTED_OUTCOME_STATES,
} from "@/domain/disputes/dispute-terms";
import { formatMoney } from "@/domain/money";
import { currentActor } from "@/server/auth/current-actor";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Dispute review" };

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
  const counts = DISPUTED_OUTCOME_STATES.filter((s) => countsByState[s]).map(
    (s) => `${countsByState[s]} ${DISPUTED_OUTCOME_STATE_LABELS[s].toLowerCase()}`,
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
            {DISPUTE_STATUS_LABELS[dispute.status]} · {dispute.customer.name} · {dispute.outcomeCount}{" "}
            {dispute.outcomeCount === 1 ? "outcome" : "outcomes"} ({counts.join(", ")}) · at stake{" "}
            {formatMoney(dispute.atStakeMinor, dispute.currency)} · credited{" "}
            {formatMoney(dispute.creditedMinor, dispute.currency)}
          </>
        }
      />
      <PresenceIndicator disputeId={dispute.id} />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Card title="The customer's claim">
            <DisputeClaim timeZone={dispute.customer.timezone} claim={dispute} staffDetails />
          </Card>
          <Card title={dispute.status === "open" ? "Assignment" : "Decided by"}>
            <DisputeAssignment
              dispute={{ id: dispute.id, number: dispute.number, open: dispute.status === "open" }}
              decidedBy={describeDeciders(decisions.map((d) => d.decidedBy))}
              assignee={dispute.assignee}
              me={actor?.userId ?? ""}
              reviewers={reviewers.map(({ id, name }) => ({ id, name }))}
            />
          </Card>
          <Card title={`Decisions (${decisions.length})`}>
            <DisputeDecisions timeZone={dispute.customer.timezone} decisions={decisions} currency={dispute.currency} />
          </Card>
          <Card title="Internal notes">
            <InternalNotes disputeId={dispute.id} />
          </Card>
          <Card title="Thread">
            <DisputeThread
              timeZone={dispute.customer.timezone}
              messages={messages}
              reply={dispute.status === "open" ? { disputeId: dispute.id, to: "customer" } : undefined}
            />
          </Card>
          <Card title="Audit trail">
            <DisputeAuditTrail timeZone={dispute.customer.timezone} entries={audit} entryNumbers />
          </Card>
        </div>
        <Card title="Disputed outcomes">
          <DisputedOutcomesWorkbench
            disputeId={dispute.id}
            customerId={dispute.customer.id}
            currency={dispute.currency}
            open={dispute.status === "open"}
            undecidedCount={countsByState.undecided ?? 0}
          />
        </Card>
      </div>
    </>
  );
}
