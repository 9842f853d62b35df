import type { Metadata } from "next";
import { AuditEntryTable } from "@/components/audit/audit-entry-table";
import { AuditFilters, type AuditFilterValues } from "@/components/audit/audit-filters";
import { LastCheckpoint } from "@/components/audit/last-checkpoint";
import { VerifyChainButton } from "@/components/audit/verify-chain-button";
import { AccessDenied } from "@/components/ui/access-denied";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { currentActor } from "@/server/auth/current-actor";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = AuditFilterValues & { before?: string };

const isUuid = (v?: string) => !!v && /^[0-9a-f-]{36}$/i.test(v);
const isDay = (v?: string) => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));
const nextDay = (day: string) => new Date(Date.parse(day) + 86_400_000).toISOString().slice(0, 10);

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await currentActor();
  if (actor?.role !== "admin")
    return <AccessDenied homePath="/review" reason="The audit log is for provider admins." />;
  const params = await searchParams;
  // Unusable values in a hand-edited URL are ignored rather than failing the page.
  const filters: AuditFilterValues = {
    action: params.action || undefined,
    customerId: isUuid(params.customerId) ? params.customerId : undefined,
    actor: params.actor || undefined,
    from: isDay(params.from) ? params.from : undefined,
    to: isDay(params.to) ? params.to : undefined,
  };
  const before = params.before && /^\d+$/.test(params.before) ? params.before : undefined;
  const caller = await serverCaller();
  const [page, actions, customers, checkpoint] = await Promise.all([
    // The form's "To" day is inclusive; the query's upper bound is exclusive.
    caller.audit.list({ ...filters, to: filters.to && nextDay(filters.to), before }),
    caller.audit.actions(),
    caller.customers.list(),
    caller.audit.lastCheckpoint(),
  ]);
  const query = (extra: Record<string, string>) =>
    `/audit?${new URLSearchParams({ ...(Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Record<string, string>), ...extra })}`;

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change to the ledger, in order. Each entry carries the hash of the one before it, so any alteration is detectable."
        actions={<VerifyChainButton />}
      />
      <LastCheckpoint checkpoint={checkpoint} />
      <AuditFilters values={filters} actions={actions} customers={customers.map(({ id, name }) => ({ id, name }))} />
      {page.entries.length === 0 ? (
        <EmptyState title="No entries match">
          <p>Try a wider date range or clear the filters.</p>
        </EmptyState>
      ) : (
        <AuditEntryTable entries={page.entries} />
      )}
      <nav aria-label="Audit log pages" className="mt-4 flex justify-between text-sm">
        {before ? (
          <Link href={query({})} className="text-brand-700 hover:underline">
            ← Newest entries
          </Link>
        ) : (
          <span />
        )}
        {page.nextBefore !== undefined && (
          <Link href={query({ before: page.nextBefore.toString() })} className="text-brand-700 hover:underline">
            Older entries →
          </Link>
        )}
      </nav>
    </>
  );
}
