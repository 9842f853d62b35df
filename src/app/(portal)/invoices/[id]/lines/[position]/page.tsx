import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreditedOutcomesTable } from "@/components/disputes/credited-outcomes-table";
import { OpenDisputeDialog } from "@/components/disputes/open-dispute-dialog";
import { LineOutcomesTable } from "@/components/invoices/line-outcomes-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatLineAmount } from "@/lib/format";
import { foundOr404 } from "@/server/trpc/found-or-404";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Invoice line" };

const PAGE_SIZE = 50;

export default async function InvoiceLinePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; position: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const [{ id, position }, { cursor }] = await Promise.all([params, searchParams]);
  if (!/^\d{1,6}$/.test(position)) notFound();
  const caller = await serverCaller();
  const [page, me, customer] = await Promise.all([
    foundOr404(
      caller.invoices.lineOutcomes({
        invoiceId: id,
        position: Number(position),
        limit: PAGE_SIZE,
        cursor: cursor && /^[A-Za-z0-9_-]+$/.test(cursor) ? cursor : undefined,
      }),
    ),
    caller.session.me(),
    caller.session.viewedCustomer(),
  ]);
  const { invoice, line } = page;
  // Credits decided while the invoice was a draft, outcome by outcome (settled into this line when finalized).
  const credited =
    line.kind === "dispute_credit" ? await caller.disputes.creditedOnDraft({ invoiceId: invoice.id }) : null;
  const invoiceTitle = invoice.number ?? `the draft invoice for ${periodLabel(invoice.periodStart)}`;
  const here = `/invoices/${id}/lines/${position}`;
  return (
    <>
      <Link href={`/invoices/${id}`} className="text-sm text-brand-700 hover:underline">
        ← {invoice.number ?? `Draft invoice for ${periodLabel(invoice.periodStart)}`}
      </Link>
      <PageHeader
        title={line.description}
        description={
          <>
            Line {line.position + 1} of {invoiceTitle}: {formatLineAmount(line, invoice.currency)}.
            {invoice.status === "draft" && " A draft: the outcomes below are what it would bill now."}
          </>
        }
        actions={
          line.kind === "outcomes" && (
            <OpenDisputeDialog
              scope={{ kind: "invoice_line", invoiceId: invoice.id, position: line.position }}
              label="Dispute this line's outcomes"
              role={me.role}
            />
          )
        }
      />
      {credited ? (
        credited.length === 0 ? (
          <EmptyState title="No credited outcomes">
            <p>No dispute decision credits an outcome on this invoice.</p>
          </EmptyState>
        ) : (
          <CreditedOutcomesTable
            outcomes={credited}
            currency={invoice.currency}
            timeZone={customer.timezone}
            caption={`Outcomes credited by “${line.description}”, by dispute`}
          />
        )
      ) : !page.traced ? (
        <EmptyState title="No outcomes behind this line">
          <p>{page.note}</p>
        </EmptyState>
      ) : page.outcomes.length === 0 ? (
        <EmptyState title="No outcomes on this page">
          <p>This line counts no outcomes, or the page you asked for is past its last one.</p>
        </EmptyState>
      ) : (
        <LineOutcomesTable
          outcomes={page.outcomes}
          caption={`Outcomes behind “${line.description}”, oldest first`}
          outcomeHref={(attemptId) => `/outcomes/${attemptId}`}
          timeZone={customer.timezone}
        />
      )}
      <nav aria-label="Outcome pages" className="mt-4 flex justify-between text-sm">
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
    </>
  );
}
