import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Invoices" };

export default async function InvoicesPage() {
  const customer = await (await serverCaller()).session.viewedCustomer();
  return (
    <>
      <PageHeader title="Invoices" description={`Monthly invoices and credit notes for ${customer.name}.`} />
      <EmptyState title="No invoices yet">
        <p>
          The current month&apos;s draft invoice and every finalized one will be listed here, with totals, credits and
          the net amount due. Each line drills down to the outcomes behind it, and each invoice downloads as PDF and
          CSV.
        </p>
        <p>An invoice appears once a contract is set up for {customer.name} and the first outcomes arrive.</p>
      </EmptyState>
    </>
  );
}
