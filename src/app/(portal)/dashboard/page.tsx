import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const customer = await (await serverCaller()).session.viewedCustomer();
  return (
    <>
      <PageHeader title="Dashboard" description={`Billing overview for ${customer.name}.`} />
      <EmptyState title="No billed outcomes yet">
        <p>
          Month-to-date charges against your cap, the forecast to month end, your success rate, the effective cost per
          outcome, and your disputes and credits will appear here.
        </p>
        <p>They fill in as soon as your provider starts sending outcomes for {customer.name}.</p>
      </EmptyState>
    </>
  );
}
