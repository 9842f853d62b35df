import type { Metadata } from "next";
import { type ExplorerRow, OutcomeExplorerTable } from "@/components/outcomes/outcome-explorer-table";
import { OutcomeFiltersForm } from "@/components/outcomes/outcome-filters-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { filtersFrom, hasFilters, listQueryOf, searchOf } from "@/lib/outcome-filters";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Outcomes" };

const PAGE_SIZE = 50;

export default async function OutcomesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const filters = filtersFrom(await searchParams);
  const { cursor: _cursor, sort: _sort, ...countFilters } = listQueryOf(filters);
  const caller = await serverCaller();
  const [me, customer, definitions, page, total] = await Promise.all([
    caller.session.me(),
    caller.session.viewedCustomer(),
    caller.definitions.list(),
    caller.outcomes.list({ ...listQueryOf(filters), limit: PAGE_SIZE }),
    caller.outcomes.count(countFilters),
  ]);
  const rows: ExplorerRow[] = page.attempts.map((a) => ({
    id: a.id,
    occurredAt: a.occurredAt.toISOString(),
    subject: a.subject,
    definitionName: a.definition.name,
    version: a.definitionVersion.number,
    status: a.status,
    eventCount: a.eventCount,
    cost: a.costAmount.toString(),
    costCurrency: a.costCurrency,
    charge: a.charge && {
      summary: a.charge.summary,
      charged: a.charge.charged,
      currency: a.charge.currency,
      tier: a.charge.tier,
      rank: a.charge.rank,
      of: a.charge.of,
      creditedMinor: a.charge.creditedMinor,
    },
  }));
  const matching = `${total.count.toLocaleString("en-US")}${total.capped ? "+" : ""}`;
  const filterSearch = searchOf(filters, { cursor: undefined });
  return (
    <>
      <PageHeader
        title="Outcomes"
        description={`Every attempt the provider's AI took on for ${customer.name}, with the outcome of its evaluation. Filter, then open one for its evidence trail or export the set.`}
      />
      <OutcomeFiltersForm filters={filters} definitions={definitions.map((d) => ({ key: d.key, name: d.name }))} />
      {rows.length === 0 ? (
        hasFilters(filters) || filters.cursor ? (
          <EmptyState title="No outcomes match these filters">
            <p>
              Widen the period or date range, or{" "}
              <Link href="/outcomes" className="text-brand-700 underline">
                clear the filters
              </Link>{" "}
              to see every outcome.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No outcomes recorded yet">
            <p>
              Each attempt your provider&apos;s AI takes on will be listed here with its status and its evidence trail:
              the conversation or document, and the check of every criterion in the outcome definition.
            </p>
          </EmptyState>
        )
      ) : (
        <OutcomeExplorerTable
          key={`${filterSearch}|${filters.cursor ?? ""}`}
          rows={rows}
          caption={`Outcomes of ${customer.name}, ${filters.sort === "newest" ? "newest" : "oldest"} first`}
          matching={matching}
          filterSearch={filterSearch}
          filterQuery={countFilters}
          role={me.role}
          timeZone={customer.timezone}
        />
      )}
      <nav aria-label="Outcome pages" className="mt-4 flex justify-between text-sm">
        {filters.cursor ? (
          <Link href={`/outcomes${filterSearch}`} className="text-brand-700 hover:underline">
            ← First page
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Link
            href={`/outcomes${searchOf(filters, { cursor: page.nextCursor })}`}
            className="text-brand-700 hover:underline"
          >
            Next page →
          </Link>
        )}
      </nav>
    </>
  );
}
