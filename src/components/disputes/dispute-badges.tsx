// How a dispute's status and each disputed outcome's state read, as words (never colour alone).
import {
  DISPUTE_STATUS_LABELS,
  DISPUTED_OUTCOME_STATE_LABELS,
  type DisputedOutcomeState,
  type DisputeStatus,
} from "@/domain/disputes/dispute-terms";
import { Dec } from "@/domain/money";

const STATUS_STYLES: Record<DisputeStatus, string> = {
  open: "bg-amber-50 text-amber-800 ring-amber-600/20",
  resolved: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  withdrawn: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

export function DisputeStatusBadge({ status }: { status: DisputeStatus }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLES[status]}`}
    >
      {DISPUTE_STATUS_LABELS[status]}
    </span>
  );
}

const STATE_STYLES: Record<DisputedOutcomeState, string> = {
  undecided: "bg-amber-50 text-amber-800 ring-amber-600/20",
  accepted: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  partial: "bg-sky-50 text-sky-800 ring-sky-600/20",
  rejected: "bg-red-50 text-red-800 ring-red-600/20",
  withdrawn: "bg-slate-100 text-slate-700 ring-slate-500/20",
};

export function OutcomeStateBadge({ state }: { state: DisputedOutcomeState }) {
  return (
    <span
      className={`inline-flex whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATE_STYLES[state]}`}
    >
      {DISPUTED_OUTCOME_STATE_LABELS[state]}
    </span>
  );
}

/** A share of a whole outcome ("0.5") as a percentage ("50 %"), exact to two decimals. */
export function formatShare(share: string): string {
  return `${new Dec(share).times(100).toDecimalPlaces(2).toFixed()} %`;
}
