import type { Metadata } from "next";
import { AGE_LABELS, QueueFilters, type QueueFilterValues, STATUS_LABELS } from "@/components/review/queue-filters";
import { QueueViews } from "@/components/review/queue-views";
import { type QueueRow, ReviewQueueTable } from "@/components/review/review-queue-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { DISPUTE_REASON_LABELS, DISPUTE_REASONS } from "@/domain/disputes/dispute-terms";
import { formatMoney } from "@/domain/money";
import { formatDateTime } from "@/lib/format";
import { currentActor } from "@/server/auth/current-actor";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Review queue" };

type SearchParams = Record<string, string | undefined>;

const isUuid = (v?: string) => !!v && /^[0-9a-f-]{36}$/i.test(v);
const oneOf = <T extends string>(values: readonly T[], v?: string): T | undefined =>
  values.includes(v as T) ? (v as T) : undefined;

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const caller = await serverCaller();
  const views = await caller.disputes.views();
  const asked = await searchParams;
  // /review with nothing asked opens the reviewer's default view, when they have one.
  const fallback = Object.keys(asked).length === 0 ? views.find((v) => v.isDefault) : undefined;
  const params: SearchParams = fallback ? { ...fallback.filters, view: fallback.id } : asked;
  // Unusable values in a hand-edited URL are ignored rather than failing the page.
  const filters: QueueFilterValues = {
    status: oneOf(["open", "resolved", "withdrawn", "all"], params.status) ?? "open",
    customerId: isUuid(params.customerId) ? params.customerId : undefined,
    reason: oneOf(DISPUTE_REASONS, params.reason),
    assignee:
      params.assignee === "me" || params.assignee === "unassigned" || isUuid(params.assignee)
        ? params.assignee
        : undefined,
    age: oneOf(["breached", "due_24h", "older_than_7d", "older_than_30d"], params.age),
    sort: oneOf(["sla", "amount", "newest"], params.sort) ?? "sla",
  };
  const page = params.page && /^\d{1,5}$/.test(params.page) ? Math.max(1, Number(params.page)) : 1;
  const actor = await currentActor();
  const [queue, reviewers, customers] = await Promise.all([
    caller.disputes.queue({ ...filters, page }),
    caller.disputes.reviewers(),
    caller.customers.list(),
  ]);
  const rows: QueueRow[] = queue.disputes.map((d) => ({
    id: d.id,
    number: d.number,
    scopeLabel: d.scopeLabel,
    customerName: d.customer.name,
    reasonLabel: DISPUTE_REASON_LABELS[d.reason],
    outcomeCount: d.outcomeCount,
    undecidedCount: d.undecidedCount,
    atStake: formatMoney(d.atStakeMinor, d.currency),
    serviceLevel: d.serviceLevel,
    assignee: d.assignee,
    openedAt: formatDateTime(d.openedAt),
    open: d.status === "open",
    lookers: d.lookers,
  }));
  const query = (extra: Record<string, string>) =>
    `/review?${new URLSearchParams({
      ...(Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>),
      ...extra,
    })}`;
  const described = describeFilters(filters, customers, reviewers);

  return (
    <>
      <PageHeader
        title="Review queue"
        description="Disputes waiting for a decision, the oldest against the service level first. Open one to see the claim beside the evidence and decide."
      />
      <QueueViews
        views={views.map((v) => ({ id: v.id, name: v.name, isDefault: v.isDefault, href: viewHref(v.filters, v.id) }))}
        currentId={views.some((v) => v.id === params.view) ? (params.view ?? null) : null}
        filters={filters}
      />
      <QueueFilters
        values={filters}
        customers={customers.map(({ id, name }) => ({ id, name }))}
        reviewers={reviewers.map(({ id, name }) => ({ id, name }))}
      />
      <p className="mb-2 text-sm text-slate-600" aria-live="polite">
        {queue.total === 1 ? "1 dispute" : `${queue.total.toLocaleString("en-US")} disputes`}: {described}.
      </p>
      {rows.length === 0 ? (
        <EmptyState title={emptyTitle(filters, described)}>
          {filters.status === "open" && described === "open" ? (
            <p>
              Every dispute has been decided. New disputes that customers open will line up here with their age against
              the service level, the amount at stake, the customer and the assignee.
            </p>
          ) : (
            <p>
              No dispute matches these filters.{" "}
              <Link href="/review?status=open" className="font-medium text-brand-700 underline">
                Show every open dispute
              </Link>
              .
            </p>
          )}
        </EmptyState>
      ) : (
        <ReviewQueueTable
          rows={rows}
          me={actor?.userId ?? ""}
          reviewers={reviewers.map(({ id, name }) => ({ id, name }))}
        />
      )}
      {queue.pageCount > 1 && (
        <nav aria-label="Review queue pages" className="mt-4 flex items-center justify-between text-sm">
          {page > 1 ? (
            <Link href={query({ page: String(page - 1) })} className="font-medium text-brand-700 underline">
              Previous page
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600">
            Page {queue.page} of {queue.pageCount}
          </span>
          {page < queue.pageCount ? (
            <Link href={query({ page: String(page + 1) })} className="font-medium text-brand-700 underline">
              Next page
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </>
  );
}

/** A saved view's link: its filters in the URL, like any queue link, and its id to name it. */
function viewHref(filters: Record<string, string | undefined>, id: string): string {
  const set = Object.entries(filters).filter((e): e is [string, string] => !!e[1]);
  return `/review?${new URLSearchParams([...set, ["view", id]])}`;
}

/** The active filters in words, e.g. "open, assigned to you, past the service level". */
function describeFilters(
  filters: QueueFilterValues,
  customers: { id: string; name: string }[],
  reviewers: { id: string; name: string }[],
): string {
  const parts = [filters.status === "all" ? "any status" : STATUS_LABELS[filters.status].toLowerCase()];
  if (filters.customerId)
    parts.push(`of ${customers.find((c) => c.id === filters.customerId)?.name ?? "one customer"}`);
  if (filters.reason) parts.push(`reason “${DISPUTE_REASON_LABELS[filters.reason]}”`);
  if (filters.assignee === "me") parts.push("assigned to you");
  else if (filters.assignee === "unassigned") parts.push("unassigned");
  else if (filters.assignee)
    parts.push(`assigned to ${reviewers.find((r) => r.id === filters.assignee)?.name ?? "one reviewer"}`);
  if (filters.age) parts.push(AGE_LABELS[filters.age].toLowerCase());
  return parts.join(", ");
}

function emptyTitle(filters: QueueFilterValues, described: string): string {
  if (filters.status === "open" && described === "open") return "The queue is empty";
  return `No disputes: ${described}`;
}
