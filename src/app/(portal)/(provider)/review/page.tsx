import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Review queue" };

export default function ReviewQueuePage() {
  return (
    <>
      <PageHeader title="Review queue" description="Disputes waiting for a decision, oldest first." />
      <EmptyState title="The queue is empty">
        <p>
          Disputes that customers open will line up here with their age against the service level, the amount at stake,
          the customer and the assignee. Open one to see the claim beside the evidence and decide.
        </p>
      </EmptyState>
    </>
  );
}
