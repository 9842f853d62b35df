// Reading attempts and their outcomes within the actor's customer scope: a filtered list
// paged by keyset on (occurredAt, id), and one attempt with its evidence trail.
import { z } from "zod";
import { customerScopeOf, scopedToCustomer } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export const AttemptListQuery = z.strictObject({
  customer: z.string().max(100).optional().describe("The customer's external id."),
  definition: z.string().max(100).optional().describe("The definition's key."),
  status: z.enum(["pending", "billable", "not_billable"]).optional(),
  subject: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe("occurredAt at or after this time."),
  to: z.iso.datetime({ offset: true }).optional().describe("occurredAt before this time."),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional().describe("nextCursor from the previous page."),
});
export type AttemptListQuery = z.input<typeof AttemptListQuery>;

const listFields = {
  id: true,
  subject: true,
  occurredAt: true,
  status: true,
  finalizedAt: true,
  eventCount: true,
  costAmount: true,
  costCurrency: true,
  aiShare: true,
  customer: { select: { externalId: true, name: true } },
  definition: { select: { key: true, name: true, unitLabel: true } },
  definitionVersion: { select: { number: true } },
} as const;

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
  const cursor = q.cursor ? decodeCursor(q.cursor) : null;
  const where: Prisma.AttemptWhereInput = {
    ...(customerId && { customerId }),
    ...scopedToCustomer(customerScopeOf(actor)),
    ...(q.customer && { customer: { externalId: q.customer } }),
    ...(q.definition && { definition: { key: q.definition } }),
    ...(q.status && { status: q.status }),
    ...(q.subject && { subject: q.subject }),
    AND: [
      ...(q.from || q.to
        ? [{ occurredAt: { gte: q.from ? new Date(q.from) : undefined, lt: q.to ? new Date(q.to) : undefined } }]
        : []),
      ...(cursor
        ? [
            {
              OR: [{ occurredAt: { lt: cursor.occurredAt } }, { occurredAt: cursor.occurredAt, id: { lt: cursor.id } }],
            },
          ]
        : []),
    ],
  };
  const rows = await db().attempt.findMany({
    where,
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: q.limit + 1,
    select: listFields,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return { attempts: page, nextCursor: rows.length > q.limit && last ? encodeCursor(last.occurredAt, last.id) : null };
}

export async function getAttemptWithTrail({ actor, attemptId }: { actor: Actor; attemptId: string }) {
  const attempt = await db().attempt.findFirst({
    where: { id: attemptId, ...scopedToCustomer(customerScopeOf(actor)) },
    select: {
      ...listFields,
      customerId: true,
      billedInvoiceId: true,
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
  const events = await db().ingestEvent.findMany({
    where: { attemptId, customerId: attempt.customerId },
    orderBy: [{ occurredAt: "asc" }, { receivedAt: "asc" }],
  });
  return { attempt, events };
}

function encodeCursor(occurredAt: Date, id: string): string {
  return Buffer.from(`${occurredAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const occurredAt = new Date(time ?? "");
  if (!id || Number.isNaN(occurredAt.getTime()) || !z.uuid().safeParse(id).success) {
    throw new AppError("VALIDATION_FAILED", "The cursor is not one this API gave out.", [
      { path: "cursor", message: "Unknown cursor." },
    ]);
  }
  return { occurredAt, id };
}
