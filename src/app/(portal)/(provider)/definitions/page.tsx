import type { Metadata } from "next";
import { DefinitionCard } from "@/components/definitions/definition-card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { chooseVersion } from "@/domain/evaluation/evaluate-attempt";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Definitions" };

export default async function DefinitionsPage() {
  const definitions = await (await serverCaller()).definitions.list();
  const now = new Date();
  return (
    <>
      <PageHeader
        title="Outcome definitions"
        description="The rules that decide when an attempt is a billable outcome. Published versions never change; each attempt is evaluated under the version in force when it happened."
      />
      {definitions.length === 0 ? (
        <EmptyState title="No outcome definitions yet">
          <p>Definitions and their versions will be listed here with their criteria, observation window and price.</p>
        </EmptyState>
      ) : (
        <div className="grid gap-6 xl:grid-cols-2">
          {definitions.map((d) => (
            <DefinitionCard key={d.key} definition={d} currentNumber={chooseVersion(d.versions, now)?.number ?? null} />
          ))}
        </div>
      )}
    </>
  );
}
