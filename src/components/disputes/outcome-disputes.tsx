import { Link } from "@/components/ui/link";
import type { DisputedOutcomeState, DisputeStatus } from "@/domain/disputes/dispute-terms";
import { formatMoney } from "@/domain/money";
import { formatDayIn } from "@/lib/format";
import { DisputeStatusBadge, OutcomeStateBadge } from "./dispute-badges";

export interface OutcomeDisputeView {
  state: DisputedOutcomeState;
  creditMinor: bigint;
  dispute: { id: string; number: string; status: DisputeStatus; currency: string; openedAt: Date };
}

/** The disputes one outcome is (or was) part of, on its evidence trail. */
export function OutcomeDisputes({ disputes, timeZone }: { disputes: OutcomeDisputeView[]; timeZone: string }) {
  if (disputes.length === 0) return <p className="text-sm text-slate-600">This outcome has not been disputed.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {disputes.map((d) => (
        <li key={d.dispute.id} className="space-y-1 py-2 first:pt-0">
          <p className="flex flex-wrap items-center gap-2">
            <Link
              href={`/disputes/${d.dispute.id}`}
              className="font-mono text-xs font-semibold text-brand-700 underline"
            >
              {d.dispute.number}
            </Link>
            <DisputeStatusBadge status={d.dispute.status} />
          </p>
          <p className="flex flex-wrap items-center gap-2 text-slate-700">
            <span>Opened {formatDayIn(d.dispute.openedAt, timeZone)}; this outcome:</span>
            <OutcomeStateBadge state={d.state} />
            {d.creditMinor > 0n && (
              <span className="tabular-nums">credited {formatMoney(d.creditMinor, d.dispute.currency)}</span>
            )}
          </p>
        </li>
      ))}
    </ul>
  );
}
