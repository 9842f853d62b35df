import type { Metadata } from "next";
import { DisputeListTable } from "@/components/disputes/dispute-list-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { DISPUTE_STATUS_LABELS } from "@/domain/disputes/dispute-terms";
import { CUSTOMER_DISPUTE_LIST_LIMIT } from "@/server/services/disputes/find-disputes";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Disputes" };

const FILTERS = ["open", "resolved", "withdrawn", "all"] as const;
type StatusFilter = (typeof FILTERS)[number];
const FILTER_LABELS: Record<StatusFilter, string> = { ...DISPUTE_STATUS_LABELS, all: "All" };

export default async function DisputesPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { status: asked } = await searchParams;
  const status: StatusFilter = FILTERS.find((f) => f === asked) ?? "all";
  const caller = await serverCaller();
  const [customer, disputes] = await Promise.all([caller.session.viewedCustomer(), caller.disputes.list({ status })]);
  return (
    <>
      <PageHeader
        title="Disputes"
        description={`Outcomes ${customer.name} contested, the conversation with the provider's reviewers, and each decision and credit.`}
      />
      <nav aria-label="Dispute status" className="mb-4 flex flex-wrap gap-2 text-sm">
        {FILTERS.map((f) => (
          <Link
            key={f}
            href={f === "all" ? "/disputes" : `/disputes?status=${f}`}
            aria-current={f === status ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${
              f === status
                ? "border-brand-600 bg-brand-50 font-semibold text-brand-900"
                : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"
            }`}
          >
            {FILTER_LABELS[f]}
          </Link>
        ))}
      </nav>
      {disputes.length === 0 ? (
        status === "all" ? (
          <EmptyState title="No disputes">
            <p>
              {customer.name} has not contested any outcome. When an outcome on the bill looks wrong, a finance user can
              dispute it from the outcome&apos;s page, an invoice line, or a selection in the{" "}
              <Link href="/outcomes" className="text-brand-700 underline">
                outcomes list
              </Link>
              . Each dispute, its conversation with the provider&apos;s reviewer, the decision and any credit are listed
              here.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title={`No ${FILTER_LABELS[status].toLowerCase()} disputes`}>
            <p>
              None of {customer.name}&apos;s disputes is {FILTER_LABELS[status].toLowerCase()}.{" "}
              <Link href="/disputes" className="text-brand-700 underline">
                Show all disputes
              </Link>
              .
            </p>
          </EmptyState>
        )
      ) : (
        <>
          <DisputeListTable
            disputes={disputes}
            timeZone={customer.timezone}
            caption={`${FILTER_LABELS[status]} disputes of ${customer.name}, newest first`}
          />
          {disputes.length >= CUSTOMER_DISPUTE_LIST_LIMIT && (
            <p className="mt-3 text-sm text-slate-600">
              These are the {CUSTOMER_DISPUTE_LIST_LIMIT.toLocaleString("en-US")} most recent disputes; choose a status
              to narrow the list.
            </p>
          )}
        </>
      )}
    </>
  );
}
