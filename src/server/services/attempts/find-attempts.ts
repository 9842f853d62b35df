// Reading attempts and their outcomes within the actor's customer scope: a filtered list
// paged by keyset on (occurredAt, id) in either direction, and one attempt with its evidence trail.

import { z } from "zod";
import { customerScopeOf, scopedToCustomer } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { eventArrival, trailCounts } from "@/domain/ingestion/evidence-arrival";
import { nextPeriodStart } from "@/domain/invoicing/periods";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { isoDay, isoInstantText, isSupportedInstant, period, text } from "@/server/input-rules";
import { chargesOf, outcomeCharges } from "./outcome-charges";
import { subjectPrefixRange } from "./subject-prefix";

const Instant = z.union([isoDay(), isoInstantText()]);

export const AttemptListQuery = z.strictObject({
  customer: text().max(100).optional().describe("The customer's external id."),
  definition: text().max(100).optional().describe("The definition's key."),
  status: z.enum(["pending", "billable", "not_billable"]).optional(),
  subject: text().max(200).optional(),
  subjectPrefix: text().min(1).max(200).optional(),
  period: period().optional().describe("The billing period: a calendar month in UTC, e.g. 2026-11."),
  from: Instant.optional().describe("occurredAt at or after this time (a date alone means 00:00 UTC)."),
  to: Instant.optional().describe("occurredAt before this time (a date alone means 00:00 UTC)."),
  sort: z.enum(["newest", "oldest"]).default("newest"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: text().max(200).optional().describe("nextCursor from the previous page."),
});
export type AttemptListQuery = z.input<typeof AttemptListQuery>;
type ParsedQuery = z.output<typeof AttemptListQuery>;

const listFields = {
  id: true,
  customerId: true,
  definitionId: true,
  billedStatus: true,
  billedInvoiceId: true,
  subject: true,
  occurredAt: true,
  status: true,
  finalizedAt: true,
  eventCount: true,
  costAmount: true,
  costCurrency: true,
  aiShare: true,
  customer: { select: { externalId: true, name: true, timezone: true } },
  definition: { select: { key: true, name: true, unitLabel: true } },
  definitionVersion: { select: { number: true } },
} as const;

export type AttemptListRow = Prisma.AttemptGetPayload<{ select: typeof listFields }>;

/** `customerId` narrows further, e.g. to the customer a portal page shows; the actor's scope always applies. */
export async function listAttempts({
  actor,
  customerId,
  query,
}: {
  actor: Actor;
  customerId?: string;
  query: AttemptListQuery;
}) {
  const q = AttemptListQuery.parse(query);
  const page = await pageAttempts(attemptWhere(actor, customerId, q), q.sort, q.cursor ?? null, q.limit);
  const charges = await chargesOf(page.rows);
  return {
    attempts: page.rows.map((a) => ({ ...a, charge: charges.get(a.id) ?? null })),
    nextCursor: page.nextCursor,
  };
}

/** The `where` of a list query: the actor's scope, the portal's customer, then the filters. */
export function attemptWhere(actor: Actor, customerId: string | undefined, q: ParsedQuery): Prisma.AttemptWhereInput {
  const { gte, lt } = timeBounds(q);
  return {
    ...(customerId && { customerId }),
    ...scopedToCustomer(customerScopeOf(actor)),
    ...(q.customer && { customer: { externalId: q.customer } }),
    ...(q.definition && { definition: { key: q.definition } }),
    ...(q.status && { status: q.status }),
    AND: [
      ...(q.subject ? [{ subject: q.subject }] : []),
      // A byte-order range, not LIKE: leakproof, so the index serves it under row-level security.
      ...(q.subjectPrefix ? [{ subject: subjectPrefixRange(q.subjectPrefix) }] : []),
      ...(gte || lt ? [{ occurredAt: { gte, lt } }] : []),
    ],
  };
}

/** The tightest [gte, lt) the period and the from/to bounds allow together. */
export function timeBounds(q: Pick<ParsedQuery, "period" | "from" | "to">): { gte?: Date; lt?: Date } {
  const instant = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);
  const lower = [q.from && instant(q.from), q.period && new Date(`${q.period}-01T00:00:00Z`)].filter(
    (d): d is Date => !!d,
  );
  const upper = [q.to && instant(q.to), q.period && nextPeriodStart(new Date(`${q.period}-01T00:00:00Z`))].filter(
    (d): d is Date => !!d,
  );
  return {
    gte: lower.length ? new Date(Math.max(...lower.map((d) => d.getTime()))) : undefined,
    lt: upper.length ? new Date(Math.min(...upper.map((d) => d.getTime()))) : undefined,
  };
}

/**
 * One page after `cursor` in the chosen order. The cursor condition is spelled with a plain
 * range on occurredAt beside the tie-break, so PostgreSQL seeks `attempt_by_customer_time`
 * to the cursor instead of filtering every row before it: page 500 costs what page 1 does.
 */
export async function pageAttempts(
  where: Prisma.AttemptWhereInput,
  sort: "newest" | "oldest",
  cursor: string | null,
  limit: number,
): Promise<{ rows: AttemptListRow[]; nextCursor: string | null }> {
  const after = cursor ? decodeCursor(cursor) : null;
  const newest = sort === "newest";
  const keyset: Prisma.AttemptWhereInput[] = after
    ? [
        { occurredAt: newest ? { lte: after.occurredAt } : { gte: after.occurredAt } },
        {
          OR: [
            { occurredAt: newest ? { lt: after.occurredAt } : { gt: after.occurredAt } },
            { occurredAt: after.occurredAt, id: newest ? { lt: after.id } : { gt: after.id } },
          ],
        },
      ]
    : [];
  const and = Array.isArray(where.AND) ? where.AND : where.AND ? [where.AND] : [];
  const direction = newest ? "desc" : "asc";
  const rows = await db().attempt.findMany({
    where: { ...where, AND: [...and, ...keyset] },
    orderBy: [{ occurredAt: direction }, { id: direction }],
    take: limit + 1,
    select: listFields,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(last.occurredAt, last.id) : null };
}

/** One attempt with every event sent for it, each with when it arrived against the window. */
export async function getAttemptWithTrail({ actor, attemptId }: { actor: Actor; attemptId: string }) {
  const attempt = await db().attempt.findFirst({
    where: { id: attemptId, ...scopedToCustomer(customerScopeOf(actor)) },
    select: {
      ...listFields,
      attributes: true,
      lastEventAt: true,
      windowClosesAt: true,
      evaluatedAt: true,
      trace: true,
      definitionVersion: {
        select: { id: true, number: true, criteria: true, observationWindowHours: true, defaultUnitPrice: true },
      },
    },
  });
  if (!attempt) throw AppError.notFound("The attempt");
  const rows = await db().ingestEvent.findMany({
    where: { attemptId, customerId: attempt.customerId },
    orderBy: [{ occurredAt: "asc" }, { receivedAt: "asc" }],
  });
  const charge = (await outcomeCharges(attempt.customerId, [attempt])).get(attempt.id) ?? null;
  const events = rows.map((event) => ({ ...event, arrival: eventArrival(event.receivedAt, attempt) }));
  return { attempt: { ...attempt, charge }, events, counts: trailCounts(events, attempt) };
}

function encodeCursor(occurredAt: Date, id: string): string {
  return Buffer.from(`${occurredAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const occurredAt = new Date(time ?? "");
  if (!id || !isSupportedInstant(occurredAt) || !z.uuid().safeParse(id).success) {
    throw new AppError("VALIDATION_FAILED", "The cursor is not one this API gave out.", [
      { path: "cursor", message: "Unknown cursor." },
    ]);
  }
  return { occurredAt, id };
}
