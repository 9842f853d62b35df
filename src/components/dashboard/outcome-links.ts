// Every figure on the dashboard opens the outcomes behind it. The outcomes explorer reads
// these query parameters: status, definition (a key), from and to (UTC days, `to` exclusive).

export type OutcomeStatusFilter = "billable" | "not_billable" | "pending";

const isoDay = (at: Date) => at.toISOString().slice(0, 10);

export function outcomesHref({ status, from, to }: { status?: OutcomeStatusFilter; from: Date; to: Date }): string {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  params.set("from", isoDay(from));
  params.set("to", isoDay(to));
  return `/outcomes?${params.toString()}`;
}
