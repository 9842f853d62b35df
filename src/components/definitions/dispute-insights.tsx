// What upheld disputes teach about a definition: the criteria whose gaps customers were
// credited for, month by month, with sample outcomes and the disputes; then the other root causes.
import { Link } from "@/components/ui/link";
import type { VersionRuleLike } from "@/domain/definitions/plain-language";
import { StartDraftButton } from "./start-draft-button";

const shortMonth = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });

export interface DefinitionInsights {
  gaps: {
    criterionPath: string;
    criterionLabel: string;
    upheldOutcomes: number;
    byMonth: { periodStart: Date; upheldOutcomes: number }[];
    disputes: { id: string; number: string; addressedByVersion: number | null }[];
    samples: { attemptId: string; subject: string; disputeId: string; disputeNumber: string }[];
  }[];
  detectionErrors: number;
  attribution: number;
  duplicates: number;
  noFaultFound: number;
}

/** `fix` is null for reviewers; for admins it says whether a draft exists to fix the criterion in. */
export function DisputeInsights({
  definitionKey,
  insights,
  fix,
}: {
  definitionKey: string;
  insights: DefinitionInsights;
  fix: { draftNumber: number | null; from: VersionRuleLike | null } | null;
}) {
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
  return (
    <div className="space-y-5">
      {insights.gaps.length === 0 ? (
        <p className="text-sm text-slate-600">
          No upheld dispute has found a gap in this definition yet. When a reviewer upholds a dispute with the root
          cause “definition gap”, the criterion appears here.
        </p>
      ) : (
        <ul className="space-y-4">
          {insights.gaps.map((gap) => (
            <li
              key={gap.criterionPath}
              className="rounded-lg border border-slate-200 p-4"
              aria-label={`Definition gap: ${gap.criterionLabel}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div>
                  <h3 className="font-semibold text-slate-900">{gap.criterionLabel}</h3>
                  <p className="text-sm text-slate-600">
                    <code>{gap.criterionPath}</code> · {plural(gap.upheldOutcomes, "upheld outcome", "upheld outcomes")}{" "}
                    with the root cause “definition gap”
                  </p>
                </div>
                {fix &&
                  (fix.draftNumber !== null ? (
                    <Link
                      href={`/definitions/${definitionKey}?focus=${encodeURIComponent(gap.criterionPath)}#draft-editor`}
                      className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
                    >
                      Fix it in draft version {fix.draftNumber}
                    </Link>
                  ) : (
                    fix.from && (
                      <StartDraftButton
                        definitionKey={definitionKey}
                        from={fix.from}
                        focusAttribute={gap.criterionPath}
                        changeNote={`Fixes the definition gap in “${gap.criterionLabel}” that upheld disputes ${gap.disputes.map((d) => d.number).join(", ")} found.`}
                        label="Draft a fix"
                      />
                    )
                  ))}
              </div>
              <ol className="mt-3 flex flex-wrap gap-2 text-xs" aria-label="Upheld outcomes by month of the decision">
                {gap.byMonth.map((m) => (
                  <li key={m.periodStart.toISOString()} className="rounded bg-slate-100 px-2 py-1">
                    {shortMonth.format(m.periodStart)}: {m.upheldOutcomes.toLocaleString("en-US")}
                  </li>
                ))}
              </ol>
              <div className="mt-3 grid gap-4 text-sm md:grid-cols-2">
                <div>
                  <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Disputes</h4>
                  <ul className="mt-1 space-y-1" aria-label="Disputes">
                    {gap.disputes.map((d) => (
                      <li key={d.id}>
                        <Link href={`/review/${d.id}`} className="text-brand-700 underline">
                          {d.number}
                        </Link>
                        {d.addressedByVersion !== null
                          ? ` · addressed in version ${d.addressedByVersion}`
                          : " · not addressed yet"}
                      </li>
                    ))}
                  </ul>
                </div>
                <div>
                  <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Sample outcomes</h4>
                  <ul className="mt-1 space-y-1" aria-label="Sample outcomes">
                    {gap.samples.map((s) => (
                      <li key={`${s.disputeId}-${s.attemptId}`}>
                        <Link href={`/outcomes/${s.attemptId}`} className="text-brand-700 underline">
                          {s.subject}
                        </Link>{" "}
                        in{" "}
                        <Link href={`/review/${s.disputeId}`} className="text-brand-700 underline">
                          {s.disputeNumber}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4" aria-label="Upheld outcomes with other root causes">
        {(
          [
            ["Detection errors", insights.detectionErrors],
            ["Attribution", insights.attribution],
            ["Duplicates", insights.duplicates],
            ["No fault found", insights.noFaultFound],
          ] as const
        ).map(([label, n]) => (
          <div key={label} className="rounded-md bg-slate-50 px-3 py-2">
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-lg font-semibold tabular-nums">{n.toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
      <p className="text-xs text-slate-500">Counts are upheld (accepted or partly accepted) outcomes.</p>
    </div>
  );
}
