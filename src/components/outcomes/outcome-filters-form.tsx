// A plain GET form: the filters live in the URL, so a filtered view can be shared, reloaded
// and bookmarked, and it works without JavaScript. Submitting starts again at the first page.
import { Link } from "@/components/ui/link";
import type { OutcomeFilters } from "@/lib/outcome-filters";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const label = "text-xs font-medium text-slate-600";

export function OutcomeFiltersForm({
  filters,
  definitions,
}: {
  filters: OutcomeFilters;
  definitions: { key: string; name: string }[];
}) {
  return (
    <form
      method="get"
      action="/outcomes"
      aria-label="Filter outcomes"
      className="mb-4 grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-8"
    >
      <label className={label}>
        Period
        <input type="month" name="period" defaultValue={filters.period ?? ""} className={field} />
      </label>
      <label className={label}>
        Definition
        <select name="definition" defaultValue={filters.definition ?? ""} className={field}>
          <option value="">Any definition</option>
          {definitions.map((d) => (
            <option key={d.key} value={d.key}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className={label}>
        Status
        <select name="status" defaultValue={filters.status ?? ""} className={field}>
          <option value="">Any status</option>
          <option value="pending">Pending</option>
          <option value="billable">Billable</option>
          <option value="not_billable">Not billable</option>
        </select>
      </label>
      <label className={label}>
        From (UTC)
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={field} />
      </label>
      <label className={label}>
        Before (UTC)
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={field} />
      </label>
      <label className={label}>
        Subject starts with
        <input type="search" name="q" defaultValue={filters.q ?? ""} className={field} autoComplete="off" />
      </label>
      <label className={label}>
        Order
        <select name="sort" defaultValue={filters.sort} className={field}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </label>
      <div className="flex items-end gap-3">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          Apply filters
        </button>
        <Link href="/outcomes" className="py-1.5 text-sm text-brand-700 hover:underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
