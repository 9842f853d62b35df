// The outcomes a list query matches as CSV, streamed: the stream reads the next page of 5,000
// rows (keyset on occurredAt, id) only when the reader asks for more, so a million matching
// outcomes never sit in memory. `ids` narrows to rows the user selected.
import { stringify } from "csv-stringify/sync";
import type { Actor } from "@/domain/actor";
import { currencyPrecision, toMajorUnits } from "@/domain/money";
import { keepDatabaseScope } from "@/server/db";
import { asText } from "@/server/services/invoicing/exports/invoice-document";
import { AttemptListQuery, attemptWhere, pageAttempts } from "./find-attempts";
import { chargesOf, type OutcomeCharge } from "./outcome-charges";

export const ATTEMPTS_CSV_HEADER = [
  "attempt_id",
  "occurred_at",
  "subject",
  "definition",
  "version",
  "status",
  "events",
  "cost",
  "cost_currency",
  // What the outcome is charged (outcomeCharges): the same figures as its page and the list.
  "charged",
  "outcome_price",
  "attempt_fee",
  "charge_currency",
  "tier",
  "rank_in_month",
  "billable_in_month",
  "credited",
] as const;

export const ATTEMPTS_CSV_PAGE_SIZE = 5_000;

export function exportAttemptsCsv({
  actor,
  customerId,
  query,
  ids,
  pageSize = ATTEMPTS_CSV_PAGE_SIZE,
}: {
  actor: Actor;
  customerId: string;
  query: AttemptListQuery;
  ids?: readonly string[];
  pageSize?: number;
}): ReadableStream<Uint8Array> {
  const q = AttemptListQuery.parse({ ...query, cursor: undefined });
  const base = attemptWhere(actor, customerId, q);
  const where = ids ? { ...base, id: { in: [...ids] } } : base;
  const encoder = new TextEncoder();
  let cursor: string | null = null;
  let done = false;
  // The reader pulls pages after the request's handler returned: keep its database scope.
  const inRequestScope = keepDatabaseScope();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(stringify([[...ATTEMPTS_CSV_HEADER]])));
    },
    async pull(controller) {
      if (done) return controller.close();
      try {
        const page = await inRequestScope(() => pageAttempts(where, q.sort, cursor, pageSize));
        const charges = await inRequestScope(() => chargesOf(page.rows));
        cursor = page.nextCursor;
        done = cursor === null;
        const rows = page.rows.map((a) => [
          a.id,
          a.occurredAt.toISOString(),
          asText(a.subject),
          a.definition.key,
          String(a.definitionVersion.number),
          a.status,
          String(a.eventCount),
          a.costAmount.toString(),
          a.costCurrency ?? "",
          ...chargeColumns(charges.get(a.id)),
        ]);
        if (rows.length > 0) controller.enqueue(encoder.encode(stringify(rows)));
        if (done) controller.close();
      } catch (error) {
        // The response has started: the download ends incomplete, and the reason is logged once.
        console.error("Outcomes CSV export failed:", error);
        controller.error(error);
      }
    },
  });
}

function chargeColumns(c: OutcomeCharge | undefined): string[] {
  if (!c) return ["", "", "", "", "", "", "", ""];
  return [
    c.charged ?? "0",
    c.outcomePrice ?? "",
    c.attemptFee ?? "",
    c.currency,
    c.tier === null ? "" : String(c.tier),
    c.rank === null ? "" : String(c.rank),
    c.of === null ? "" : String(c.of),
    toMajorUnits(c.creditedMinor, c.currency).toFixed(currencyPrecision(c.currency)),
  ];
}
