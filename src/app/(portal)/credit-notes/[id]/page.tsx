import type { Metadata } from "next";
import type { ReactNode } from "react";
import { LegalParty } from "@/components/invoices/legal-party";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { formatMoney } from "@/domain/money";
import { formatDateTimeIn } from "@/lib/format";
import { foundOr404 } from "@/server/trpc/found-or-404";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Credit note" };

export default async function CreditNotePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await serverCaller();
  const note = await foundOr404(caller.invoices.creditNoteById({ creditNoteId: id }));
  const { currency } = note.invoice;
  // As the invoice it corrects was issued: its parties and the customer's zone then.
  const { buyer, timeZone: zone } = note;
  const money = (minor: bigint) => formatMoney(minor, currency);
  return (
    <>
      <Link href="/credit-notes" className="text-sm text-brand-700 hover:underline">
        ← All credit notes
      </Link>
      <PageHeader
        title={`Credit note ${note.number}`}
        description={`${buyer.name} · corrects invoice ${note.invoice.number ?? ""}`}
        actions={
          <a
            href={`/api/portal/credit-notes/${note.id}/credit-note.pdf`}
            download
            aria-label={`Download PDF of ${note.number}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50"
          >
            PDF
          </a>
        }
      />
      <div className="space-y-6">
        <Card title="Details">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-3">
            <Fact term="Amount credited" value={money(note.amountMinor)} />
            <Fact
              term="Invoice"
              value={
                <Link href={`/invoices/${note.invoice.id}`} className="text-brand-700 underline">
                  {note.invoice.number}
                </Link>
              }
            />
            <Fact term="Issued" value={formatDateTimeIn(note.issuedAt, zone)} />
            <Fact term="Issued by" value={note.issuedBy} />
            {note.disputeDecision && (
              <Fact
                term="Settles"
                value={
                  <Link href={`/disputes/${note.disputeDecision.dispute.id}`} className="text-brand-700 underline">
                    Dispute {note.disputeDecision.dispute.number}
                  </Link>
                }
              />
            )}
            <Fact term="Reason" value={note.reason} />
          </dl>
          <p className="mt-4 text-xs text-slate-500">Times are in {zone}, the customer&apos;s time zone.</p>
        </Card>
        <Card title="Lines">
          <ul className="divide-y divide-slate-100 text-sm">
            {note.lines.map((l) => (
              <li key={l.id} className="flex justify-between gap-4 py-2 first:pt-0 last:pb-0">
                <span className="min-w-0 text-slate-700">
                  {l.description}
                  {l.attemptId && (
                    <Link href={`/outcomes/${l.attemptId}`} className="ml-2 text-xs text-brand-700 underline">
                      the outcome
                    </Link>
                  )}
                </span>
                <span className="whitespace-nowrap font-medium tabular-nums text-slate-900">
                  −{money(l.amountMinor)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <LegalParty title="From" party={note.seller} />
          <LegalParty title="Credit to" party={buyer} />
        </div>
      </div>
    </>
  );
}

function Fact({ term, value }: { term: string; value: ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{term}</dt>
      <dd className="mt-0.5 font-medium break-words text-slate-900">{value}</dd>
    </div>
  );
}
