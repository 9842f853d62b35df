import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ruleOf } from "@/components/definitions/version-rule";
import { VersionTextView } from "@/components/definitions/version-text";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { describeVersion } from "@/domain/definitions/plain-language";
import { chooseVersion } from "@/domain/evaluation/evaluate-attempt";
import { formatDateTimeIn } from "@/lib/format";
import { clock } from "@/server/clock";
import { foundOr404 } from "@/server/trpc/found-or-404";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Rule" };

/** The rule of one published version, in the words customers agreed to be billed under. */
export default async function RulePage({ params }: { params: Promise<{ key: string; number: string }> }) {
  const { key, number } = await params;
  if (!/^[a-z][a-z0-9_]{1,63}$/.test(key) || !/^\d{1,6}$/.test(number)) notFound();
  const caller = await serverCaller();
  const [{ definition, version }, customer] = await Promise.all([
    foundOr404(caller.definitions.version({ definitionKey: key, number: Number(number) })),
    caller.session.viewedCustomer(),
  ]);
  // Drafts are not rules yet: they bill nobody. Customers never get them; staff read them on
  // the definition's own page, not here.
  if (version.status === "draft") notFound();
  const published = definition.versions.filter((v) => v.status !== "draft");
  const inForce = chooseVersion(published, clock.now());
  return (
    <>
      <PageHeader
        title={`${definition.name}, version ${version.number}`}
        description={
          <>
            {version.number === inForce?.number
              ? "The version in force now."
              : version.status === "retired"
                ? "A retired version: it still governs the attempts of its own time."
                : "Not the version in force now."}{" "}
            Effective from {formatDateTimeIn(version.effectiveFrom, customer.timezone)}. Attempts are evaluated under
            the version in force when they happened.
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="The rule">
            <VersionTextView
              text={describeVersion(ruleOf(version), { unitLabel: definition.unitLabel })}
              testId="rule-text"
            />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="What changed">
            <p className="text-sm text-slate-700">{version.changeNote}</p>
          </Card>
          <Card title="Every version">
            <ol className="space-y-1 text-sm">
              {published.map((v) => (
                <li key={v.number}>
                  {v.number === version.number ? (
                    <span aria-current="page" className="font-semibold">
                      Version {v.number}
                    </span>
                  ) : (
                    <Link href={`/rules/${key}/${v.number}`} className="text-brand-700 underline">
                      Version {v.number}
                    </Link>
                  )}{" "}
                  · from {formatDateTimeIn(v.effectiveFrom, customer.timezone)}
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </>
  );
}
