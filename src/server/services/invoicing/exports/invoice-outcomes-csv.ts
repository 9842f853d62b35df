// Every attempt behind an invoice as CSV, streamed: the stream reads the next page of 5,000
// rows (keyset on occurredAt, id) only when the reader asks for more, so an invoice with a
// million outcomes never sits in memory. Each row names the line(s) it landed on, by the
// same rules as the drill-down: attempt lines count it, the n-th billable outcome of a
// definition lands on the tier holding n, a late item on its period's late line.
import { stringify } from "csv-stringify/sync";
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";
import { db, keepDatabaseScope } from "@/server/db";
import { lateItems } from "../late-items";
import { type AttemptFilter, billedAs, type LineAttempt, type PageStart, pageLineAttempts } from "../line-attempts";
import { asText, type InvoiceDocument } from "./invoice-document";

export const OUTCOMES_CSV_HEADER = [
  "attempt_id",
  "subject",
  "definition",
  "version",
  "occurred_at",
  "status",
  "billed_as",
  "line",
] as const;

export const OUTCOMES_CSV_PAGE_SIZE = 5_000;

export function invoiceOutcomesCsv(
  invoice: InvoiceDocument,
  pageSize = OUTCOMES_CSV_PAGE_SIZE,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = outcomeRows(invoice, pageSize);
  // The reader pulls pages after the request's handler returned: keep its database scope.
  const inRequestScope = keepDatabaseScope();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(stringify([[...OUTCOMES_CSV_HEADER]])));
    },
    async pull(controller) {
      try {
        const next = await inRequestScope(() => pages.next());
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(stringify(next.value)));
      } catch (error) {
        // The response has started: the download ends incomplete, and the reason is logged once.
        console.error(`Outcomes CSV of invoice ${invoice.id} failed:`, error);
        controller.error(error);
      }
    },
    async cancel() {
      await inRequestScope(() => pages.return(undefined));
    },
  });
}

async function* outcomeRows(invoice: InvoiceDocument, pageSize: number): AsyncGenerator<string[][]> {
  const finalized = invoice.status === "finalized";
  const billedOn = finalized ? invoice.id : null;
  const attemptLines = new Map<string, number>();
  const tiers = new Map<string, { from: number; to: number | null; position: number }[]>();
  const lateLines: { source: Date; position: number }[] = [];
  for (const l of invoice.lines) {
    if (l.kind === "attempts" && l.definitionId) attemptLines.set(l.definitionId, l.position);
    if (l.kind === "outcomes" && l.definitionId) {
      const list = tiers.get(l.definitionId) ?? [];
      list.push({ from: l.tierFrom ?? 1, to: l.tierTo, position: l.position });
      tiers.set(l.definitionId, list);
    }
    if (l.kind === "late_items" && l.sourcePeriodStart)
      lateLines.push({ source: l.sourcePeriodStart, position: l.position });
  }

  const billableSoFar = new Map<string, number>();
  const linesOf = (row: LineAttempt, billed: string | null): string => {
    const positions: number[] = [];
    const attemptLine = attemptLines.get(row.definitionId);
    if (attemptLine !== undefined) positions.push(attemptLine);
    if (billed === "billable") {
      const rank = (billableSoFar.get(row.definitionId) ?? 0) + 1;
      billableSoFar.set(row.definitionId, rank);
      const tier = tiers.get(row.definitionId)?.find((t) => rank >= t.from && (t.to === null || rank <= t.to));
      if (tier) positions.push(tier.position);
    }
    return positions.join(";");
  };
  const csvRow = (row: LineAttempt, line: (billed: string | null) => string) => {
    const billed = billedAs(row, finalized);
    return [
      row.id,
      asText(row.subject),
      row.definition,
      String(row.version),
      row.occurredAt.toISOString(),
      row.status,
      billed ?? "not_counted",
      line(billed),
    ];
  };

  const period: AttemptFilter = {
    customerId: invoice.customerId,
    from: invoice.periodStart,
    to: invoice.periodEnd,
    billedOn,
    include: "counted",
  };
  for await (const rows of keysetPages(period, pageSize)) {
    yield rows.map((row) => csvRow(row, (billed) => linesOf(row, billed)));
  }

  if (lateLines.length === 0) return;
  // A draft's late items are the current candidates; a finalized invoice's, those it billed.
  const lateIds = finalized ? undefined : (await lateItems(db(), invoice.customerId, invoice.periodStart)).attempts;
  for (const { source, position } of lateLines) {
    const late: AttemptFilter = {
      ...period,
      from: source,
      to: nextPeriodStart(source),
      include: "any",
      ids: lateIds?.filter((a) => periodStartOf(a.occurredAt).getTime() === source.getTime()).map((a) => a.id),
    };
    for await (const rows of keysetPages(late, pageSize)) {
      yield rows.map((row) => csvRow(row, () => String(position)));
    }
  }
}

async function* keysetPages(filter: AttemptFilter, pageSize: number): AsyncGenerator<LineAttempt[]> {
  let start: PageStart = null;
  for (;;) {
    const rows = await pageLineAttempts(filter, start, pageSize);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < pageSize || !last) return;
    start = { key: last, inclusive: false };
  }
}
