import { Card } from "@/components/ui/card";
import type { Criterion } from "@/domain/evaluation/criteria";
import { describeCriterion } from "@/domain/evaluation/evaluate-attempt";
import { formatDateTime } from "@/lib/format";

export interface DefinitionView {
  key: string;
  name: string;
  description: string;
  unitLabel: string;
  versions: {
    number: number;
    status: "draft" | "published" | "retired";
    criteria: unknown;
    observationWindowHours: number;
    defaultUnitPrice: { toString(): string };
    effectiveFrom: Date | null;
    changeNote: string;
    authorLabel: string;
  }[];
}

// Prices are in each contract's own currency, so a definition's default price is a plain number.
const price = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 10 });

/** One definition: the version in force, its criteria as customers read them, and its history. */
export function DefinitionCard({
  definition,
  currentNumber,
}: {
  definition: DefinitionView;
  currentNumber: number | null;
}) {
  const current = definition.versions.find((v) => v.number === currentNumber) ?? definition.versions.at(-1);
  const criteria = (current?.criteria ?? []) as Criterion[];
  return (
    <Card
      title={`${definition.name} (${definition.key})`}
      actions={<span className="text-xs text-slate-500">per {definition.unitLabel}</span>}
    >
      {definition.description && <p className="mb-4 text-sm text-slate-600">{definition.description}</p>}
      {current && (
        <>
          <p className="text-sm text-slate-700">
            <span className="font-semibold">Version {current.number}</span>
            {current.number === currentNumber ? " in force" : ` (${current.status})`}
            {current.effectiveFrom && ` since ${formatDateTime(current.effectiveFrom)}`} · observation window{" "}
            {current.observationWindowHours} h · default price{" "}
            {price.format(current.defaultUnitPrice.toString() as unknown as number)}
          </p>
          <ul className="mt-3 space-y-2 text-sm">
            {criteria.map((c) => (
              <li key={`${c.attribute}-${c.operator}`} className="rounded-md bg-slate-50 px-3 py-2">
                <span className="font-medium text-slate-900">{c.label}</span>
                <span className="block text-xs text-slate-500">
                  Rule: <code>{describeCriterion(c)}</code>
                  {c.whenMissing === "fail" && "; fails when not reported"}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      <details className="mt-4 text-sm">
        <summary className="cursor-pointer text-brand-700">Version history ({definition.versions.length})</summary>
        <ol className="mt-2 space-y-2">
          {[...definition.versions].reverse().map((v) => (
            <li key={v.number} className="border-l-2 border-slate-200 pl-3">
              <span className="font-medium">v{v.number}</span> · {v.status}
              {v.effectiveFrom && ` · effective ${formatDateTime(v.effectiveFrom)}`} · {v.authorLabel}
              <span className="block text-slate-600">{v.changeNote}</span>
            </li>
          ))}
        </ol>
      </details>
    </Card>
  );
}
