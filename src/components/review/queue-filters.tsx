// A plain GET form: the queue's filters and sorting live in the URL, so a view can be shared,
// bookmarked and used without JavaScript.
import { Link } from "@/components/ui/link";
import { DISPUTE_REASON_LABELS, DISPUTE_REASONS, DISPUTE_STATUS_LABELS } from "@/domain/disputes/dispute-terms";

export interface QueueFilterValues {
  status: "open" | "resolved" | "withdrawn" | "all";
  customerId?: string;
  reason?: (typeof DISPUTE_REASONS)[number];
  assignee?: string;
  age?: "breached" | "due_24h" | "older_than_7d" | "older_than_30d";
  sort: "sla" | "amount" | "newest";
}

export const STATUS_LABELS: Record<QueueFilterValues["status"], string> = {
  ...DISPUTE_STATUS_LABELS,
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

/** One filter: a labelled select over [value, label] choices. */
function FilterSelect({
  label,
  name,
  defaultValue,
  choices,
}: {
  label: string;
  name: keyof QueueFilterValues;
  defaultValue: string;
  choices: [value: string, label: string][];
}) {
  return (
    <label className="text-xs font-medium text-slate-600">
      {label}
      <select name={name} defaultValue={defaultValue} className={field}>
        {choices.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

const byName = (list: { id: string; name: string }[]): [string, string][] => list.map((x) => [x.id, x.name]);

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
      <FilterSelect label="Status" name="status" defaultValue={values.status} choices={Object.entries(STATUS_LABELS)} />
      <FilterSelect
        label="Customer"
        name="customerId"
        defaultValue={values.customerId ?? ""}
        choices={[["", "Any customer"], ...byName(customers)]}
      />
      <FilterSelect
        label="Reason"
        name="reason"
        defaultValue={values.reason ?? ""}
        choices={[["", "Any reason"], ...DISPUTE_REASONS.map((r): [string, string] => [r, DISPUTE_REASON_LABELS[r]])]}
      />
      <FilterSelect
        label="Assignee"
        name="assignee"
        defaultValue={values.assignee ?? ""}
        choices={[
          ["", "Anyone or no one"],
          ["me", "Assigned to me"],
          ["unassigned", "Unassigned"],
          ...byName(reviewers),
        ]}
      />
      <FilterSelect
        label="Age"
        name="age"
        defaultValue={values.age ?? ""}
        choices={[["", "Any age"], ...Object.entries(AGE_LABELS)]}
      />
      <FilterSelect label="Sort by" name="sort" defaultValue={values.sort} choices={Object.entries(SORT_LABELS)} />
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
