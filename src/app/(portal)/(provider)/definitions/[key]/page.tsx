import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DisputeInsights } from "@/components/definitions/dispute-insights";
import { DraftEditor } from "@/components/definitions/draft-editor";
import { ImpactPreview } from "@/components/definitions/impact-preview";
import { type LinkableDispute, PublishVersionForm } from "@/components/definitions/publish-version-form";
import { StartDraftButton } from "@/components/definitions/start-draft-button";
import { VersionDiffView } from "@/components/definitions/version-diff-view";
import { ruleOf } from "@/components/definitions/version-rule";
import { VersionTextView } from "@/components/definitions/version-text";
import { VersionTimeline } from "@/components/definitions/version-timeline";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { describeVersion } from "@/domain/definitions/plain-language";
import { chooseVersion } from "@/domain/evaluation/evaluate-attempt";
import { currentActor } from "@/server/auth/current-actor";
import { clock } from "@/server/clock";
import { foundOr404 } from "@/server/trpc/found-or-404";
import { serverCaller } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Definition" };

const versionParam = (value: string | undefined) => (value && /^\d{1,6}$/.test(value) ? Number(value) : null);

export default async function DefinitionPage({
  params,
  searchParams,
}: {
  params: Promise<{ key: string }>;
  searchParams: Promise<{ from?: string; to?: string; focus?: string }>;
}) {
  const [{ key }, query] = await Promise.all([params, searchParams]);
  if (!/^[a-z][a-z0-9_]{1,63}$/.test(key)) notFound();
  const caller = await serverCaller();
  const [definition, insights, actor] = await Promise.all([
    foundOr404(caller.definitions.byKey({ definitionKey: key })),
    caller.definitions.insights({ definitionKey: key }),
    currentActor(),
  ]);
  const admin = actor?.role === "admin";
  const { versions } = definition;
  const inForce = chooseVersion(versions, clock.now());
  const base = inForce ?? versions.findLast((v) => v.status !== "draft") ?? null;
  const draft = versions.find((v) => v.status === "draft") ?? null;
  const latest = versions.at(-1)?.number ?? 1;
  const to = versionParam(query.to) ?? latest;
  const from = versionParam(query.from) ?? Math.max(1, to - 1);
  const focus = query.focus && /^[A-Za-z0-9_.-]{1,100}$/.test(query.focus) ? query.focus : null;
  const linkable = new Map<string, LinkableDispute>();
  for (const gap of insights.gaps) {
    for (const d of gap.disputes)
      if (!linkable.has(d.id)) linkable.set(d.id, { ...d, criterionLabel: gap.criterionLabel });
  }

  return (
    <>
      <Link href="/definitions" className="text-sm text-brand-700 hover:underline">
        ← All definitions
      </Link>
      <PageHeader
        title={`${definition.name} (${definition.key})`}
        description={
          <>
            {definition.description} One outcome reads “{definition.unitLabel}” on a bill.{" "}
            {inForce ? `Version ${inForce.number} is in force.` : "No version is in force yet."}
          </>
        }
        actions={
          admin &&
          !draft &&
          base && (
            <StartDraftButton
              definitionKey={key}
              from={ruleOf(base)}
              changeNote={`Draft based on version ${base.number}: say what this version changes and why.`}
              label="Start a draft"
            />
          )
        }
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title="Versions">
          <VersionTimeline
            definitionKey={key}
            unitLabel={definition.unitLabel}
            versions={versions}
            inForce={inForce?.number ?? null}
            canRetire={admin}
          />
        </Card>
        <div className="space-y-6">
          <div id="versions-diff">
            <Card title="Compare versions">
              <VersionDiffView versions={versions} from={from} to={to} />
            </Card>
          </div>
          <Card title="Dispute insights">
            <DisputeInsights
              definitionKey={key}
              insights={insights}
              fix={admin ? { draftNumber: draft?.number ?? null, from: base && ruleOf(base) } : null}
            />
          </Card>
        </div>
      </div>
      {draft && (
        <div className="mt-6 space-y-6">
          <div id="draft-editor">
            <Card title={`Draft version ${draft.number}`}>
              {admin ? (
                <DraftEditor
                  key={`${draft.number}-${focus ?? ""}`}
                  definitionKey={key}
                  unitLabel={definition.unitLabel}
                  draft={{ ...ruleOf(draft), changeNote: draft.changeNote }}
                  focusAttribute={focus}
                />
              ) : (
                <>
                  <p className="mb-3 text-sm text-slate-600">
                    An admin is preparing this version; it applies to nothing until it is published.
                  </p>
                  <VersionTextView text={describeVersion(ruleOf(draft), { unitLabel: definition.unitLabel })} />
                </>
              )}
            </Card>
          </div>
          <Card title={`Impact of draft version ${draft.number}`}>
            <ImpactPreview definitionKey={key} definitionName={definition.name} number={draft.number} />
          </Card>
          {admin && (
            <Card title={`Publish draft version ${draft.number}`}>
              <PublishVersionForm
                key={draft.changeNote}
                definitionKey={key}
                number={draft.number}
                changeNote={draft.changeNote}
                disputes={[...linkable.values()]}
              />
            </Card>
          )}
        </div>
      )}
    </>
  );
}
