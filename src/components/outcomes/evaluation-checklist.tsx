// The evaluation in plain words: each criterion of the definition version that applied,
// what was observed, and whether it held.
import { Link } from "@/components/ui/link";
import type { CriterionResult, EvaluationTrace } from "@/domain/evaluation/criteria";
import { formatDateTimeIn } from "@/lib/format";

const RESULT = {
  pass: { word: "Yes", style: "text-emerald-700" },
  fail: { word: "No", style: "text-red-700" },
  pending: { word: "Waiting", style: "text-amber-700" },
} as const;

export function EvaluationChecklist({
  trace,
  definitionName,
  ruleHref,
  preview = false,
  timeZone,
}: {
  trace: EvaluationTrace;
  definitionName: string;
  /** The page where customers read the version's rule; the version name links to it. */
  ruleHref?: string;
  /** A what-if evaluation (the impact preview): the version was not necessarily the one in force. */
  preview?: boolean;
  /** The customer's IANA zone: instants are shown in it, named. */
  timeZone: string;
}) {
  const criteria: CriterionResult[] = trace.criteria ?? [];
  return (
    <div>
      <p className="text-sm text-slate-600">
        {preview ? "Re-evaluated under" : "Evaluated under"}{" "}
        <strong>
          {definitionName} version {trace.versionNumber}
        </strong>
        {preview ? ". " : ", the version in force when the attempt happened. "}
        {ruleHref && (
          <>
            <Link href={ruleHref} className="text-brand-700 underline">
              Read the rule of version {trace.versionNumber}
            </Link>
            .{" "}
          </>
        )}
        {trace.final
          ? `The observation window closed ${formatDateTimeIn(trace.windowClosesAt, timeZone)}; this result is final.`
          : `The observation window closes ${formatDateTimeIn(trace.windowClosesAt, timeZone)}; until then the outcome stays pending.`}
      </p>
      {trace.note && <p className="mt-3 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800">{trace.note}</p>}
      <ul className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200">
        {criteria.map((c) => (
          <li
            key={`${c.attribute}-${c.operator}-${c.label}`}
            className="flex items-start justify-between gap-4 px-4 py-3"
          >
            <div>
              <p className="font-medium text-slate-900">{c.label}</p>
              <p className="text-sm text-slate-600">{c.explanation}</p>
            </div>
            <span className={`shrink-0 text-sm font-semibold ${RESULT[c.result].style}`}>{RESULT[c.result].word}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
