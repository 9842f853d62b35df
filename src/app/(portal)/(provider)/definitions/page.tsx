import type { Metadata } from "next";
import { DefinitionsTable } from "@/components/definitions/definitions-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { chooseVersion } from "@/domain/evaluation/evaluate-attempt";
import { clock } from "@/server/clock";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Definitions" };

export default async function DefinitionsPage() {
  const caller = await serverCaller();
  const [definitions, trends] = await Promise.all([caller.definitions.list(), caller.definitions.trends()]);
  const now = clock.now();
  return (
    <>
      <PageHeader
        title="Outcome definitions"
        description="The rules that decide when an attempt is a billable outcome. Published versions never change; each attempt is evaluated under the version in force when it happened. Rates are this month's; the bars show the last six months."
      />
      {definitions.length === 0 ? (
        <EmptyState title="No outcome definitions yet">
          <p>Definitions will be listed here with the version in force, their success and dispute rates.</p>
        </EmptyState>
      ) : (
        <DefinitionsTable
          rows={definitions.map((d) => ({
            key: d.key,
            name: d.name,
            unitLabel: d.unitLabel,
            current: chooseVersion(d.versions, now),
            hasDraft: d.versions.some((v) => v.status === "draft"),
            months: trends[d.id] ?? [],
          }))}
        />
      )}
    </>
  );
}
