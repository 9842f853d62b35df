import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Definitions" };

export default function DefinitionsPage() {
  return (
    <>
      <PageHeader
        title="Outcome definitions"
        description="The rules that decide when an attempt is a billable outcome."
      />
      <EmptyState title="No outcome definitions yet">
        <p>
          Each definition (for example <em>ticket resolved</em>) and its versions will be listed here: the criteria, the
          observation window, the price, and how often its outcomes are disputed.
        </p>
      </EmptyState>
    </>
  );
}
