import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { formatMoney } from "@/domain/money";
import { formatDateTimeIn } from "@/lib/format";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Credit notes" };

export default async function CreditNotesPage() {
  const caller = await serverCaller();
  const [customer, notes] = await Promise.all([caller.session.viewedCustomer(), caller.invoices.creditNotes()]);
  const zone = notes[0]?.invoice.customer.timezone;
  return (
    <>
      <PageHeader
        title="Credit notes"
        description={`Every credit note issued to ${customer.name}, newest first. A credit note corrects a finalized invoice without changing it.`}
      />
      {notes.length === 0 ? (
        <EmptyState title="No credit notes">
          <p>Nothing on a finalized invoice of {customer.name} has been credited.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm shadow-sm">
            {notes.map((n) => (
              <li key={n.id} className="flex flex-col gap-1 px-5 py-4 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <Link href={`/credit-notes/${n.id}`} className="font-mono font-semibold text-brand-700 underline">
                    {n.number}
                  </Link>
                  <p className="text-slate-700">{n.reason}</p>
                  <p className="text-xs text-slate-500">
                    On{" "}
                    <Link href={`/invoices/${n.invoice.id}`} className="underline">
                      {n.invoice.number}
                    </Link>{" "}
                    · issued {formatDateTimeIn(n.issuedAt, n.invoice.customer.timezone)}
                  </p>
                </div>
                <p className="whitespace-nowrap font-medium tabular-nums text-slate-900">
                  −{formatMoney(n.amountMinor, n.invoice.currency)}
                </p>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-slate-500">Times are in {zone}, the customer&apos;s time zone.</p>
        </>
      )}
    </>
  );
}
