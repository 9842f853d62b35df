import { Link } from "@/components/ui/link";
import { describeVersion } from "@/domain/definitions/plain-language";
import { formatDateTime } from "@/lib/format";
import { RetireVersionButton } from "./retire-version-button";
import { ruleOf, type StoredVersion } from "./version-rule";
import { VersionTextView } from "./version-text";

export interface TimelineVersion extends StoredVersion {
  status: "draft" | "published" | "retired";
  authorLabel: string;
  changeNote: string;
  effectiveFrom: Date | null;
  publishedAt: Date | null;
  retiredAt: Date | null;
  createdAt: Date;
}

const STATUS_WORDS = { draft: "Draft", published: "Published", retired: "Retired" } as const;

/** Every version, newest first: its state, author, change note and the text customers read. */
export function VersionTimeline({
  definitionKey,
  unitLabel,
  versions,
  inForce,
  canRetire,
}: {
  definitionKey: string;
  unitLabel: string;
  versions: TimelineVersion[];
  inForce: number | null;
  canRetire: boolean;
}) {
  return (
    <ol className="space-y-4" aria-label="Versions, newest first">
      {[...versions].reverse().map((v) => {
        // Superseded: published, and a later version is already in force.
        const superseded = v.status === "published" && inForce !== null && v.number < inForce;
        return (
          <li key={v.number} className="border-l-4 border-slate-200 pl-4" data-testid={`version-${v.number}`}>
            <p className="text-sm">
              <span className="font-semibold text-slate-900">Version {v.number}</span> · {STATUS_WORDS[v.status]}
              {v.number === inForce && <strong className="ml-1 text-emerald-800">(in force)</strong>}
              {superseded && <span className="ml-1 text-slate-600">(superseded)</span>}
            </p>
            <p className="text-xs text-slate-600">
              By {v.authorLabel} ·{" "}
              {v.effectiveFrom ? `effective from ${formatDateTime(v.effectiveFrom)}` : "no effective time yet"}
              {v.publishedAt && ` · published ${formatDateTime(v.publishedAt)}`}
              {v.retiredAt && ` · retired ${formatDateTime(v.retiredAt)}`}
              {v.status === "draft" && ` · started ${formatDateTime(v.createdAt)}`}
            </p>
            <p className="mt-1 text-sm text-slate-700">{v.changeNote}</p>
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer text-brand-700">Read version {v.number} as customers do</summary>
              <div className="mt-2 rounded-md bg-slate-50 p-3">
                <VersionTextView text={describeVersion(ruleOf(v), { unitLabel })} />
                {v.status !== "draft" && (
                  <Link
                    href={`/rules/${definitionKey}/${v.number}`}
                    className="mt-2 inline-block text-brand-700 underline"
                  >
                    The customer page of version {v.number}
                  </Link>
                )}
              </div>
            </details>
            {canRetire && superseded && <RetireVersionButton definitionKey={definitionKey} number={v.number} />}
          </li>
        );
      })}
    </ol>
  );
}
