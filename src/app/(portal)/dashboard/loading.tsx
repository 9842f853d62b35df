/** Shown while the dashboard's figures are computed: the cards' shapes, without numbers. */
export default function DashboardLoading() {
  return (
    <div role="status" aria-live="polite" className="animate-pulse">
      <span className="sr-only">Loading the dashboard…</span>
      <div className="mb-6 h-8 w-72 rounded bg-slate-200" />
      <div className="grid gap-6 lg:grid-cols-2">
        {["mtd", "forecast", "split", "success"].map((k) => (
          <div key={k} className="h-56 rounded-xl border border-slate-200 bg-white" />
        ))}
      </div>
    </div>
  );
}
