// A plain GET form: the filters live in the URL, so a filtered view can be shared and works
// without JavaScript.
export interface AuditFilterValues {
  action?: string;
  customerId?: string;
  actor?: string;
  from?: string;
  to?: string;
}

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function AuditFilters({
  values,
  actions,
  customers,
}: {
  values: AuditFilterValues;
  actions: string[];
  customers: { id: string; name: string }[];
}) {
  return (
    <form
      method="get"
      className="mb-4 grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-6"
      aria-label="Filter the audit log"
    >
      <label className="text-xs font-medium text-slate-600">
        Action
        <select name="action" defaultValue={values.action ?? ""} className={field}>
          <option value="">Any action</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Customer
        <select name="customerId" defaultValue={values.customerId ?? ""} className={field}>
          <option value="">Any customer</option>
          {customers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Actor
        <input name="actor" defaultValue={values.actor ?? ""} placeholder="Name or e-mail" className={field} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        From (UTC)
        <input type="date" name="from" defaultValue={values.from ?? ""} className={field} />
      </label>
      <label className="text-xs font-medium text-slate-600">
        To (UTC)
        <input type="date" name="to" defaultValue={values.to ?? ""} className={field} />
      </label>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Apply
        </button>
        <a href="/audit" className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
          Clear
        </a>
      </div>
    </form>
  );
}
