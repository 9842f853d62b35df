const STYLES = {
  draft: "bg-amber-50 text-amber-800 ring-amber-600/20",
  finalized: "bg-emerald-50 text-emerald-800 ring-emerald-600/20",
} as const;

const LABELS = { draft: "Draft", finalized: "Finalized" } as const;

export function InvoiceStatusBadge({ status }: { status: keyof typeof STYLES }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}>
      {LABELS[status]}
    </span>
  );
}
