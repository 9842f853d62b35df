// The attempts behind invoice lines, read in (occurredAt, id) order a page at a time. One
// query serves the drill-down and the outcomes export, so both count exactly what the lines
// counted. Every filter starts with the customer and an occurredAt range, which the index
// attempt_usage_by_period (customerId, occurredAt, definitionId, status) answers; pages
// continue from the last row (keyset), never by OFFSET.
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";

export type OutcomeStatus = "pending" | "billable" | "not_billable";

export interface AttemptKey {
  occurredAt: Date;
  id: string;
}

export interface LineAttempt extends AttemptKey {
  subject: string;
  status: OutcomeStatus;
  billedStatus: OutcomeStatus | null;
  eventCount: number;
  definitionId: string;
  definition: string;
  version: number;
}

export interface AttemptFilter {
  customerId: string;
  /** occurredAt range, start inclusive, end exclusive. */
  from: Date;
  to: Date;
  definitionId?: string;
  /**
   * A finalized invoice's id: only attempts billed on it, judged by the status they were
   * billed as. null: a draft, judged live by the attempts' current state.
   */
  billedOn: string | null;
  /** `counted`: counted as attempts; `billable`: billable outcomes; `any`: every attempt that matches. */
  include: "counted" | "billable" | "any";
  /** Only these attempts (a draft's late items). */
  ids?: readonly string[];
}

/** Where a page starts: after a row (a cursor), or at it (a tier's first outcome). */
export type PageStart = { key: AttemptKey; inclusive: boolean } | null;

function conditions(filter: AttemptFilter): Prisma.Sql {
  const parts = [
    Prisma.sql`a."customerId" = ${filter.customerId}::uuid`,
    Prisma.sql`a."occurredAt" >= ${filter.from}`,
    Prisma.sql`a."occurredAt" < ${filter.to}`,
  ];
  if (filter.definitionId) parts.push(Prisma.sql`a."definitionId" = ${filter.definitionId}::uuid`);
  if (filter.ids) parts.push(Prisma.sql`a."id" = ANY(${[...filter.ids]}::text[]::uuid[])`);
  if (filter.billedOn !== null) {
    parts.push(Prisma.sql`a."billedInvoiceId" = ${filter.billedOn}::uuid`);
    if (filter.include === "counted") parts.push(Prisma.sql`a."billedStatus" IS NOT NULL`);
    if (filter.include === "billable") parts.push(Prisma.sql`a."billedStatus" = 'billable'`);
  } else {
    if (filter.include !== "any") parts.push(Prisma.sql`a."eventCount" > 0`);
    if (filter.include === "billable") parts.push(Prisma.sql`a."status" = 'billable'`);
  }
  return Prisma.join(parts, " AND ");
}

function startingAt(start: PageStart): Prisma.Sql {
  if (!start) return Prisma.empty;
  const { occurredAt, id } = start.key;
  // The plain bound on occurredAt lets the index range start at the cursor; the row
  // comparison then settles ties on id.
  return start.inclusive
    ? Prisma.sql`AND a."occurredAt" >= ${occurredAt} AND (a."occurredAt", a."id") >= (${occurredAt}, ${id}::uuid)`
    : Prisma.sql`AND a."occurredAt" >= ${occurredAt} AND (a."occurredAt", a."id") > (${occurredAt}, ${id}::uuid)`;
}

export async function pageLineAttempts(filter: AttemptFilter, start: PageStart, take: number): Promise<LineAttempt[]> {
  if (take <= 0 || filter.ids?.length === 0) return [];
  return db().$queryRaw<LineAttempt[]>`
    SELECT a."id", a."subject", a."occurredAt", a."status", a."billedStatus", a."eventCount", a."definitionId",
      d."key" AS "definition", v."number" AS "version"
    FROM attempt a
    JOIN outcome_definition d ON d."id" = a."definitionId"
    JOIN definition_version v ON v."id" = a."definitionVersionId"
    WHERE ${conditions(filter)} ${startingAt(start)}
    ORDER BY a."occurredAt", a."id"
    LIMIT ${take}`;
}

/** The n-th attempt (from 1) in (occurredAt, id) order: where a tier's outcomes begin. */
export async function nthLineAttempt(filter: AttemptFilter, n: number): Promise<AttemptKey | null> {
  const [row] = await db().$queryRaw<AttemptKey[]>`
    SELECT a."occurredAt", a."id" FROM attempt a
    WHERE ${conditions(filter)}
    ORDER BY a."occurredAt", a."id"
    OFFSET ${n - 1} LIMIT 1`;
  return row ?? null;
}

/** What an attempt is billed as on the invoice: as recorded when finalized, else as it stands; null when not counted. */
export function billedAs(row: LineAttempt, finalized: boolean): OutcomeStatus | null {
  if (finalized) return row.billedStatus;
  return row.eventCount > 0 ? row.status : null;
}
