import { Link } from "@/components/ui/link";
import {
  ADJUDICATION_LABELS,
  type AdjudicationKind,
  ROOT_CAUSE_LABELS,
  type RootCause,
} from "@/domain/disputes/dispute-terms";
import { formatMoney } from "@/domain/money";
import { formatDateTimeIn } from "@/lib/format";

export interface DisputeDecisionView {
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

/** Each adjudication: what was decided for how many outcomes, why, what it credited and the credit notes it issued. */
export function DisputeDecisions({
  decisions,
  currency,
  timeZone,
}: {
  decisions: DisputeDecisionView[];
  currency: string;
  /** The customer's IANA zone: instants are shown in it, named. */
  timeZone: string;
}) {
  if (decisions.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        No decision yet: the provider&apos;s reviewer has not decided any outcome.
      </p>
    );
  }
  return (
    <ol className="divide-y divide-slate-100 text-sm">
      {decisions.map((d) => (
        <li key={d.id} className="space-y-2 py-4 first:pt-0 last:pb-0">
          <p className="font-semibold text-slate-900">
            {ADJUDICATION_LABELS[d.kind]}
            {d.kind === "partial" && `: ${d.percent} %`} — {d.outcomeCount.toLocaleString("en-US")}{" "}
            {d.outcomeCount === 1 ? "outcome" : "outcomes"}
          </p>
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
            <dt className="text-slate-500">Rationale</dt>
            <dd className="whitespace-pre-line text-slate-900">{d.rationale}</dd>
            <dt className="text-slate-500">Root cause</dt>
            <dd className="text-slate-900">
              {ROOT_CAUSE_LABELS[d.rootCause]}
              {d.criterionLabel && ` — criterion “${d.criterionLabel}”`}
            </dd>
            <dt className="text-slate-500">Decided</dt>
            <dd className="text-slate-900">
              {formatDateTimeIn(d.decidedAt, timeZone)} by {d.decidedBy}
            </dd>
            <dt className="text-slate-500">Credit</dt>
            <dd className="text-slate-900">
              <span className="font-medium tabular-nums">
                {d.creditMinor > 0n ? `−${formatMoney(d.creditMinor, currency)}` : formatMoney(0n, currency)}
              </span>
              {d.explanation && <span className="block text-slate-700">{d.explanation}</span>}
            </dd>
            {d.creditNotes.length > 0 && (
              <>
                <dt className="text-slate-500">Credit notes</dt>
                <dd>
                  <ul>
                    {d.creditNotes.map((c) => (
                      <li key={c.id}>
                        <Link href={`/invoices/${c.invoiceId}`} className="font-mono text-xs text-brand-700 underline">
                          {c.number}
                        </Link>{" "}
                        <span className="tabular-nums">−{formatMoney(c.amountMinor, currency)}</span>
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ol>
  );
}
