// Shown while a filtered page loads: the table's outline, announced to screen readers.
export default function OutcomesLoading() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <span className="sr-only">Loading outcomes…</span>
      <div className="h-8 w-40 animate-pulse rounded bg-slate-200" />
      <div className="h-20 animate-pulse rounded-xl bg-slate-100" />
      {Array.from({ length: 8 }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder rows have no identity
        <div key={i} className="h-10 animate-pulse rounded bg-slate-100" />
      ))}
    </div>
  );
}
