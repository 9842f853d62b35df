import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Outcomes" };

export default async function OutcomesPage() {
  const customer = await (await serverCaller()).session.viewedCustomer();
  return (
    <>
      <PageHeader title="Outcomes" description={`Every attempt and outcome billed to ${customer.name}.`} />
      <EmptyState title="No outcomes recorded yet">
        <p>
          Each attempt your provider&apos;s AI takes on will be listed here with its status, the price applied and its
          evidence trail: the conversation or document, and the check of every criterion in the outcome definition.
        </p>
        <p>You will be able to filter, search, export and contest them.</p>
      </EmptyState>
    </>
  );
}
