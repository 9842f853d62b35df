// The difference between two versions: the plain-English lines, then criteria added, removed
// and changed side by side with the window and the price. The two versions travel in the URL
// (?from=&to=), so a comparison can be linked to.

import { fieldClass } from "@/components/ui/form-field";
import { describeRule, formatHours, formatPrice } from "@/domain/definitions/plain-language";
import { describeDiff, diffVersions, isEmptyDiff } from "@/domain/definitions/version-diff";
import type { Criterion } from "@/domain/evaluation/criteria";
import { ruleOf, type StoredVersion } from "./version-rule";

const FIELD_WORDS = {
  operator: "operator",
  value: "value",
  label: "label",
  whenMissing: "missing-value rule",
} as const;

export function VersionDiffView({ versions, from, to }: { versions: StoredVersion[]; from: number; to: number }) {
  const a = versions.find((v) => v.number === from);
  const b = versions.find((v) => v.number === to);
  const diff = a && b ? diffVersions(ruleOf(a), ruleOf(b)) : null;
  return (
    <div className="space-y-4">
      <form
        method="get"
        action="#versions-diff"
        className="flex flex-wrap items-end gap-3"
        aria-label="Compare two versions"
      >
        {(["from", "to"] as const).map((name) => (
          <div key={name}>
            <label htmlFor={`diff-${name}`} className="block text-sm font-medium text-slate-700">
              {name === "from" ? "Compare version" : "with version"}
            </label>
            <select id={`diff-${name}`} name={name} defaultValue={name === "from" ? from : to} className={fieldClass}>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  Version {v.number}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button
          type="submit"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Compare
        </button>
      </form>
      {!diff ? (
        <p className="text-sm text-slate-600">Choose two versions of this definition.</p>
      ) : isEmptyDiff(diff) ? (
        <p className="text-sm text-slate-600">
          Version {from} and version {to} have the same rule.
        </p>
      ) : (
        <>
          <ul
            className="list-disc space-y-1 pl-5 text-sm text-slate-800"
            aria-label={`Changes from version ${from} to version ${to}`}
          >
            {describeDiff(diff).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="grid gap-4 sm:grid-cols-2">
            <CriteriaList title="Added" criteria={diff.added} />
            <CriteriaList title="Removed" criteria={diff.removed} />
          </div>
          <section aria-label="Changed criteria">
            <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Changed</h3>
            {diff.changed.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500">None</p>
            ) : (
              <ul className="mt-1 space-y-2 text-sm">
                {diff.changed.map((c) => (
                  <li key={`${c.attribute}-${c.before.label}`} className="rounded-md bg-slate-50 px-3 py-2">
                    <span className="font-medium">{c.after.label}</span>
                    <span className="block text-xs text-slate-600">
                      {c.fields.map((f) => FIELD_WORDS[f]).join(", ")} changed
                    </span>
                    <span className="mt-1 grid gap-2 text-xs sm:grid-cols-2">
                      <span>
                        Before: <code>{describeRule(c.before)}</code>; missing counts as {c.before.whenMissing}
                        {c.before.label !== c.after.label && ` (label “${c.before.label}”)`}
                      </span>
                      <span>
                        After: <code>{describeRule(c.after)}</code>; missing counts as {c.after.whenMissing}
                      </span>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <dl className="grid gap-2 text-sm sm:grid-cols-2">
            <div>
              <dt className="font-medium text-slate-500">Observation window</dt>
              <dd>
                {diff.window ? `${formatHours(diff.window.before)} → ${formatHours(diff.window.after)}` : "Unchanged"}
              </dd>
            </div>
            <div>
              <dt className="font-medium text-slate-500">Default price</dt>
              <dd>
                {diff.price ? `${formatPrice(diff.price.before)} → ${formatPrice(diff.price.after)}` : "Unchanged"}
              </dd>
            </div>
          </dl>
        </>
      )}
    </div>
  );
}

function CriteriaList({ title, criteria }: { title: string; criteria: Criterion[] }) {
  return (
    <section aria-label={`${title} criteria`}>
      <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-600">{title}</h3>
      {criteria.length === 0 ? (
        <p className="mt-1 text-sm text-slate-500">None</p>
      ) : (
        <ul className="mt-1 space-y-2 text-sm">
          {criteria.map((c) => (
            <li key={`${c.attribute}-${c.operator}-${c.label}`} className="rounded-md bg-slate-50 px-3 py-2">
              <span className="font-medium">{c.label}</span>
              <code className="block text-xs">{describeRule(c)}</code>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
