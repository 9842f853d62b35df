// A plain GET form: the queue's filters and sorting live in the URL, so a view can be shared,
// bookmarked and used without JavaScript.
import Link from "next/link";
import { DISPUTE_REASON_LABELS, DISPUTE_REASONS } from "@/domain/disputes/dispute-terms";

export interface QueueFilterValues {
  status: "open" | "resolved" | "withdrawn" | "all";
  customerId?: string;
  reason?: (typeof DISPUTE_REASONS)[number];
  assignee?: string;
  age?: "breached" | "due_24h" | "older_than_7d" | "older_than_30d";
  sort: "sla" | "amount" | "newest";
}

export const STATUS_LABELS: Record<QueueFilterValues["status"], string> = {
  open: "Open",
  resolved: "Resolved",
  withdrawn: "Withdrawn",
  all: "Any status",
};

export const AGE_LABELS: Record<NonNullable<QueueFilterValues["age"]>, string> = {
  breached: "Past the service level",
  due_24h: "Due within 24 hours",
  older_than_7d: "Opened more than 7 days ago",
  older_than_30d: "Opened more than 30 days ago",
};

export const SORT_LABELS: Record<QueueFilterValues["sort"], string> = {
  sla: "Service level: oldest against it first",
  amount: "Amount at stake: largest first",
  newest: "Newest first",
};

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";

export function QueueFilters({
  values,
  customers,
  reviewers,
}: {
  values: QueueFilterValues;
  customers: { id: string; name: string }[];
  reviewers: { id: string; name: string }[];
}) {
  return (
    <form
      method="get"
      action="/review"
      aria-label="Filter the review queue"
      className="mb-4 grid grid-cols-1 gap-3 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-3 xl:grid-cols-7"
    >
      <label className="text-xs font-medium text-slate-600">
        Status
        <select name="status" defaultValue={values.status} className={field}>
          {Object.entries(STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
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
        Reason
        <select name="reason" defaultValue={values.reason ?? ""} className={field}>
          <option value="">Any reason</option>
          {DISPUTE_REASONS.map((r) => (
            <option key={r} value={r}>
              {DISPUTE_REASON_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Assignee
        <select name="assignee" defaultValue={values.assignee ?? ""} className={field}>
          <option value="">Anyone or no one</option>
          <option value="me">Assigned to me</option>
          <option value="unassigned">Unassigned</option>
          {reviewers.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Age
        <select name="age" defaultValue={values.age ?? ""} className={field}>
          <option value="">Any age</option>
          {Object.entries(AGE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Sort by
        <select name="sort" defaultValue={values.sort} className={field}>
          {Object.entries(SORT_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-brand-700"
        >
          Apply
        </button>
        <Link href="/review" className="rounded-md px-3 py-1.5 text-sm text-slate-600 hover:bg-slate-100">
          Clear
        </Link>
      </div>
    </form>
  );
}
