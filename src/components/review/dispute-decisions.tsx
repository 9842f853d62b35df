// The decisions taken so far, each with its credit, the explanation the customer reads, and the
// credit notes it issued.
import Link from "next/link";
import {
  ADJUDICATION_LABELS,
  type AdjudicationKind,
  ROOT_CAUSE_LABELS,
  type RootCause,
} from "@/domain/disputes/dispute-terms";
import { formatMoney } from "@/domain/money";
import { formatDateTime } from "@/lib/format";

export interface DecisionView {
  id: string;
  kind: AdjudicationKind;
  percent: string;
  rationale: string;
  rootCause: RootCause;
  criterionLabel: string | null;
  decidedBy: string;
  decidedAt: Date;
  outcomeCount: number;
  creditMinor: bigint;
  explanation: string;
  creditNotes: { id: string; number: string; amountMinor: bigint; invoiceId: string }[];
}

export function DisputeDecisions({ decisions, currency }: { decisions: DecisionView[]; currency: string }) {
  if (decisions.length === 0) return <p className="text-sm text-slate-600">No outcome has been decided yet.</p>;
  return (
    <ol className="space-y-4">
      {decisions.map((d) => (
        <li key={d.id} className="rounded-lg border border-slate-200 p-3 text-sm">
          <p className="font-medium text-slate-900">
            {ADJUDICATION_LABELS[d.kind]}
            {d.kind === "partial" && ` (${d.percent} %)`} · {d.outcomeCount}{" "}
            {d.outcomeCount === 1 ? "outcome" : "outcomes"} · credit {formatMoney(d.creditMinor, currency)}
          </p>
          <p className="text-xs text-slate-500">
            {d.decidedBy}, {formatDateTime(d.decidedAt)} · root cause: {ROOT_CAUSE_LABELS[d.rootCause]}
            {d.criterionLabel && ` (“${d.criterionLabel}”)`}
          </p>
          <p className="mt-2 whitespace-pre-wrap text-slate-800">{d.rationale}</p>
          {d.explanation && <p className="mt-2 text-slate-600">{d.explanation}</p>}
          {d.creditNotes.length > 0 && (
            <ul className="mt-2 space-y-1">
              {d.creditNotes.map((n) => (
                <li key={n.id}>
                  <Link href={`/invoices/${n.invoiceId}`} className="text-brand-700 underline">
                    Credit note {n.number}
                  </Link>{" "}
                  for {formatMoney(n.amountMinor, currency)}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
