const STYLES = {
  billable: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
  not_billable: "bg-slate-100 text-slate-700 ring-slate-500/20",
  pending: "bg-amber-50 text-amber-800 ring-amber-600/20",
} as const;

const LABELS = { billable: "Billable", not_billable: "Not billable", pending: "Pending" } as const;

export function OutcomeStatusBadge({ status }: { status: keyof typeof STYLES }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}>
      {LABELS[status]}
    </span>
  );
}
