import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Disputes" };

export default async function DisputesPage() {
  const customer = await (await serverCaller()).session.viewedCustomer();
  return (
    <>
      <PageHeader title="Disputes" description={`Contested outcomes of ${customer.name} and their decisions.`} />
      <EmptyState title="No disputes">
        <p>
          When an outcome on the bill looks wrong, finance users can contest it from the outcome, an invoice line or a
          filtered list. Each dispute, its conversation with the provider&apos;s reviewer, the decision and any credit
          will be listed here.
        </p>
      </EmptyState>
    </>
  );
}
