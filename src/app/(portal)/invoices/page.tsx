import type { Metadata } from "next";
import { InvoiceListTable } from "@/components/invoices/invoice-list-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Invoices" };

export default async function InvoicesPage() {
  const caller = await serverCaller();
  const [customer, invoices] = await Promise.all([caller.session.viewedCustomer(), caller.invoices.list()]);
  return (
    <>
      <PageHeader
        title="Invoices"
        description={`Monthly invoices and credit notes for ${customer.name}. The current month is a draft that updates as outcomes arrive; each invoice opens to its lines and the outcomes behind them.`}
      />
      {invoices.length === 0 ? (
        <EmptyState title="No invoices yet">
          <p>
            {customer.name} has no contract yet, so nothing is billed. Once the provider sets up a contract, the current
            month&apos;s draft invoice appears here and fills in as outcomes arrive; each ended month is finalized with
            its own number.
          </p>
        </EmptyState>
      ) : (
        <InvoiceListTable invoices={invoices} customerName={customer.name} timeZone={customer.timezone} />
      )}
    </>
  );
}
