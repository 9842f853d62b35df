import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DisputeAuditTrail } from "@/components/disputes/dispute-audit-trail";
import { DisputeStatusBadge } from "@/components/disputes/dispute-badges";
import { DisputeClaim } from "@/components/disputes/dispute-claim";
import { DisputeDecisions } from "@/components/disputes/dispute-decisions";
import { DisputeThread } from "@/components/disputes/dispute-thread";
import { DisputedOutcomesTable } from "@/components/disputes/disputed-outcomes-table";
import { ServiceLevel } from "@/components/disputes/service-level";
import { WithdrawDisputeButton } from "@/components/disputes/withdraw-dispute-button";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { describeDeciders } from "@/domain/disputes/bulk-decision";
import { DISPUTED_OUTCOME_STATE_LABELS, DISPUTED_OUTCOME_STATES } from "@/domain/disputes/dispute-terms";
import { formatMoney } from "@/domain/money";
import { isProviderRole } from "@/domain/roles";
import { formatDateTimeIn } from "@/lib/format";
import { foundOr404 } from "@/server/trpc/found-or-404";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Dispute" };

const PAGE_SIZE = 100;

export default async function DisputePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const [{ id }, { cursor: askedCursor }] = await Promise.all([params, searchParams]);
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const cursor = askedCursor && /^[A-Za-z0-9_-]{1,200}$/.test(askedCursor) ? askedCursor : undefined;
  const caller = await serverCaller();
  const [me, detail, page] = await Promise.all([
    caller.session.me(),
    foundOr404(caller.disputes.byId({ disputeId: id })),
    foundOr404(caller.disputes.outcomes({ disputeId: id, limit: PAGE_SIZE, cursor })),
  ]);
  const { dispute, messages, decisions, audit, countsByState } = detail;
  const money = (minor: bigint) => formatMoney(minor, dispute.currency);
  const finance = me.role === "finance";
  const open = dispute.status === "open";
  const undecided = countsByState.undecided ?? 0;
  const here = `/disputes/${id}`;
  return (
    <>
      <Link href="/disputes" className="text-sm text-brand-700 hover:underline">
        ← All disputes
      </Link>
      <PageHeader
        title={`Dispute ${dispute.number}`}
        description={
          <>
            <DisputeStatusBadge status={dispute.status} /> {dispute.customer.name} ·{" "}
            {dispute.outcomeCount.toLocaleString("en-US")} {dispute.outcomeCount === 1 ? "outcome" : "outcomes"},{" "}
            {money(dispute.atStakeMinor)} at stake
            {dispute.creditedMinor > 0n && `, ${money(dispute.creditedMinor)} credited`}
          </>
        }
        actions={
          <>
            {isProviderRole(me.role) && (
              <Link
                href={`/review/${id}`}
                className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
              >
                Review this dispute
              </Link>
            )}
            {finance && open && (
              <WithdrawDisputeButton
                disputeId={id}
                number={dispute.number}
                undecided={undecided}
                decided={dispute.outcomeCount - undecided}
              />
            )}
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="space-y-6 xl:col-span-2">
          <Card title="Claim">
            <DisputeClaim timeZone={dispute.customer.timezone} claim={dispute} />
          </Card>
          <Card title="Decisions">
            <DisputeDecisions timeZone={dispute.customer.timezone} decisions={decisions} currency={dispute.currency} />
          </Card>
          <section aria-labelledby="disputed-outcomes">
            <h2 id="disputed-outcomes" className="mb-3 text-lg font-semibold text-slate-900">
              Outcomes
            </h2>
            {page.outcomes.length === 0 ? (
              <p className="text-sm text-slate-600">No outcomes on this page.</p>
            ) : (
              <DisputedOutcomesTable
                outcomes={page.outcomes}
                currency={dispute.currency}
                caption={`Outcomes in ${dispute.number}, oldest first`}
              />
            )}
            <nav aria-label="Outcome pages" className="mt-3 flex justify-between text-sm">
              {cursor ? (
                <Link href={here} className="text-brand-700 hover:underline">
                  ← First outcomes
                </Link>
              ) : (
                <span />
              )}
              {page.nextCursor && (
                <Link href={`${here}?cursor=${page.nextCursor}`} className="text-brand-700 hover:underline">
                  Next {PAGE_SIZE} outcomes →
                </Link>
              )}
            </nav>
          </section>
          <Card title="Conversation">
            <DisputeThread
              timeZone={dispute.customer.timezone}
              messages={messages}
              reply={finance ? { disputeId: id, to: "provider" } : undefined}
            />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Status">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="font-medium text-slate-500">Outcomes by state</dt>
                <dd>
                  <ul className="mt-1 space-y-0.5">
                    {DISPUTED_OUTCOME_STATES.filter((s) => countsByState[s]).map((s) => (
                      <li key={s} className="flex justify-between gap-4">
                        <span>{DISPUTED_OUTCOME_STATE_LABELS[s]}</span>
                        <span className="tabular-nums">{countsByState[s]?.toLocaleString("en-US")}</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
              {dispute.serviceLevel && (
                <div>
                  <dt className="font-medium text-slate-500">Decision due</dt>
                  <dd>
                    <ServiceLevel state={dispute.serviceLevel} /> (
                    {formatDateTimeIn(dispute.slaDueAt, dispute.customer.timezone)})
                  </dd>
                </div>
              )}
              {dispute.resolvedAt && (
                <div>
                  <dt className="font-medium text-slate-500">Resolved</dt>
                  <dd>{formatDateTimeIn(dispute.resolvedAt, dispute.customer.timezone)}</dd>
                </div>
              )}
              {dispute.withdrawnAt && (
                <div>
                  <dt className="font-medium text-slate-500">Withdrawn</dt>
                  <dd>{formatDateTimeIn(dispute.withdrawnAt, dispute.customer.timezone)}</dd>
                </div>
              )}
              {dispute.addressedByVersion && (
                <div>
                  <dt className="font-medium text-slate-500">Definition change</dt>
                  <dd>
                    <Link
                      href={`/rules/${dispute.addressedByVersion.definition.key}/${dispute.addressedByVersion.number}`}
                      className="text-brand-700 underline"
                    >
                      Addressed in version {dispute.addressedByVersion.number}
                    </Link>{" "}
                    of {dispute.addressedByVersion.definition.name}
                  </dd>
                </div>
              )}
              {decisions.length > 0 ? (
                <div>
                  <dt className="font-medium text-slate-500">Decided by</dt>
                  <dd data-testid="dispute-decided-by">{describeDeciders(decisions.map((d) => d.decidedBy))}</dd>
                </div>
              ) : (
                <div>
                  <dt className="font-medium text-slate-500">Reviewer</dt>
                  <dd>{dispute.assignee?.name ?? "Not assigned yet"}</dd>
                </div>
              )}
              <div>
                <dt className="font-medium text-slate-500">Credited</dt>
                <dd className="tabular-nums">{money(dispute.creditedMinor)}</dd>
              </div>
            </dl>
          </Card>
          <Card title="Audit trail">
            <DisputeAuditTrail timeZone={dispute.customer.timezone} entries={audit} />
          </Card>
        </div>
      </div>
    </>
  );
}
