// The dashboard's aggregates, each one SQL statement over the rollups and the ledger
// (a few rows per period or day, however many attempts there are).
import type { Tx } from "@/server/db";

export interface Counts {
  attempts: number;
  billable: number;
  pending: number;
}

export type DefinitionCounts = Counts & { definitionId: string };

/** Counts per period from `usage_rollup`, for the periods starting in [from, to]. */
export async function countsByPeriod(tx: Tx, customerId: string, from: Date, to: Date) {
  const rows = await tx.$queryRaw<(Counts & { periodStart: Date })[]>`
    SELECT "periodStart", sum("attempts")::int AS attempts, sum("billable")::int AS billable,
      sum("pending")::int AS pending
    FROM usage_rollup
    WHERE "customerId" = ${customerId}::uuid AND "periodStart" >= ${from} AND "periodStart" <= ${to}
    GROUP BY "periodStart"`;
  return new Map(rows.map((r) => [r.periodStart.getTime(), r]));
}

/** Counts per definition from `usage_daily` for the UTC days in [from, to). */
export async function countsByDefinition(tx: Tx, customerId: string, from: Date, to: Date) {
  return tx.$queryRaw<DefinitionCounts[]>`
    SELECT "definitionId", sum("attempts")::int AS attempts, sum("billable")::int AS billable,
      sum("pending")::int AS pending
    FROM usage_daily
    WHERE "customerId" = ${customerId}::uuid AND "day" >= ${from}::date AND "day" < ${to}::date
    GROUP BY "definitionId"`;
}

export interface DefinitionPace {
  definitionId: string;
  /** Mean and population standard deviation of the daily attempts, days without any counted as 0. */
  meanAttempts: number;
  sdAttempts: number;
  billable: number;
  /** Attempts whose status is final (not pending): the denominator of the window's success rate. */
  decided: number;
}

/** The daily pace of each definition over the UTC days in [from, to), quiet days included as zeros. */
export async function paceByDefinition(tx: Tx, customerId: string, from: Date, to: Date) {
  return tx.$queryRaw<DefinitionPace[]>`
    SELECT d."definitionId",
      avg(coalesce(u."attempts", 0))::float8 AS "meanAttempts",
      stddev_pop(coalesce(u."attempts", 0))::float8 AS "sdAttempts",
      sum(coalesce(u."billable", 0))::int AS billable,
      sum(coalesce(u."attempts", 0) - coalesce(u."pending", 0))::int AS decided
    FROM generate_series(${from}::date, ${to}::date - 1, interval '1 day') AS g("day")
    CROSS JOIN (
      SELECT DISTINCT "definitionId" FROM usage_daily
      WHERE "customerId" = ${customerId}::uuid AND "day" >= ${from}::date AND "day" < ${to}::date
    ) AS d
    LEFT JOIN usage_daily u
      ON u."customerId" = ${customerId}::uuid AND u."day" = g."day"::date AND u."definitionId" = d."definitionId"
    GROUP BY d."definitionId"`;
}

/** Finalized invoices' line amounts per period and line kind, and their totals. */
export async function finalizedLinesByPeriod(tx: Tx, customerId: string, from: Date) {
  return tx.$queryRaw<{ periodStart: Date; kind: string; amountMinor: bigint }[]>`
    SELECT i."periodStart", l."kind", sum(l."amountMinor")::bigint AS "amountMinor"
    FROM invoice i
    JOIN invoice_line l ON l."invoiceId" = i."id" AND l."customerId" = i."customerId"
    WHERE i."customerId" = ${customerId}::uuid AND i."status" = 'finalized' AND i."periodStart" >= ${from}
    GROUP BY i."periodStart", l."kind"`;
}

/** The periods whose invoice is finalized (an invoice without lines is still finalized). */
export async function finalizedPeriods(tx: Tx, customerId: string, from: Date) {
  const rows = await tx.$queryRaw<{ periodStart: Date; id: string; totalMinor: bigint }[]>`
    SELECT "periodStart", "id", "totalMinor" FROM invoice
    WHERE "customerId" = ${customerId}::uuid AND "status" = 'finalized' AND "periodStart" >= ${from}`;
  return new Map(rows.map((r) => [r.periodStart.getTime(), r]));
}

/** Credit notes per period of the invoice they credit. */
export async function creditsByPeriod(tx: Tx, customerId: string, from: Date) {
  const rows = await tx.$queryRaw<{ periodStart: Date; amountMinor: bigint; notes: number }[]>`
    SELECT i."periodStart", sum(c."amountMinor")::bigint AS "amountMinor", count(*)::int AS notes
    FROM credit_note c
    JOIN invoice i ON i."id" = c."invoiceId" AND i."customerId" = c."customerId"
    WHERE c."customerId" = ${customerId}::uuid AND i."periodStart" >= ${from}
    GROUP BY i."periodStart"`;
  return new Map(rows.map((r) => [r.periodStart.getTime(), r]));
}
