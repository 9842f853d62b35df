import type { Metadata } from "next";
import Link from "next/link";
import { OutcomeStatusBadge } from "@/components/outcomes/outcome-status-badge";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Outcomes" };

export default async function OutcomesPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { cursor } = await searchParams;
  const caller = await serverCaller();
  const [customer, page] = await Promise.all([
    caller.session.viewedCustomer(),
    caller.outcomes.list({ limit: 50, cursor: cursor && /^[A-Za-z0-9_-]+$/.test(cursor) ? cursor : undefined }),
  ]);
  return (
    <>
      <PageHeader
        title="Outcomes"
        description={`Every attempt the provider's AI took on for ${customer.name}, newest first, with the outcome of its evaluation.`}
      />
      {page.attempts.length === 0 ? (
        <EmptyState title="No outcomes recorded yet">
          <p>
            Each attempt your provider&apos;s AI takes on will be listed here with its status and its evidence trail:
            the conversation or document, and the check of every criterion in the outcome definition.
          </p>
        </EmptyState>
      ) : (
        <Table
          caption={`Outcomes of ${customer.name}`}
          head={
            <>
              <Th>Occurred</Th>
              <Th>Subject</Th>
              <Th>Definition</Th>
              <Th>Status</Th>
              <Th>Events</Th>
            </>
          }
        >
          {page.attempts.map((a) => (
            <tr key={a.id}>
              <Td className="whitespace-nowrap">{formatDateTime(a.occurredAt)}</Td>
              <Td className="font-mono text-xs">
                <Link href={`/outcomes/${a.id}`} className="text-brand-700 hover:underline">
                  {a.subject}
                </Link>
              </Td>
              <Td>
                {a.definition.name} <span className="text-slate-500">v{a.definitionVersion.number}</span>
              </Td>
              <Td>
                <OutcomeStatusBadge status={a.status} />
              </Td>
              <Td>{a.eventCount}</Td>
            </tr>
          ))}
        </Table>
      )}
      <nav aria-label="Outcome pages" className="mt-4 flex justify-between text-sm">
        {cursor ? (
          <Link href="/outcomes" className="text-brand-700 hover:underline">
            ← Newest
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor && (
          <Link href={`/outcomes?cursor=${page.nextCursor}`} className="text-brand-700 hover:underline">
            Older →
          </Link>
        )}
      </nav>
    </>
  );
}
