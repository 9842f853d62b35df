import { formatDateTime } from "@/lib/format";

export function CustomerFacts({
  customer,
}: {
  customer: {
    externalId: string;
    currency: string;
    timezone: string;
    createdAt: Date;
    legalName: string | null;
    address: string | null;
    taxId: string | null;
  };
}) {
  const facts = [
    ["External id", customer.externalId],
    ["Currency", customer.currency],
    ["Time zone", customer.timezone],
    ["Customer since", formatDateTime(customer.createdAt)],
    ["Legal name", customer.legalName ?? "Not set: invoices print the name"],
    ["Address", customer.address ?? "Not set"],
    ["Tax ID", customer.taxId ?? "Not set"],
  ] as const;
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{term}</dt>
          <dd
            className={`mt-0.5 whitespace-pre-line break-words text-slate-900 ${term === "External id" ? "font-mono text-xs" : ""}`}
          >
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
