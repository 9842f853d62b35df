// The admin's audit log: newest first, filtered, paged by keyset on `seq` (no OFFSET).
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { INT8_MAX, instant, text } from "@/server/input-rules";

export const ListAuditEntriesInput = z.object({
  action: text().trim().max(100).optional(),
  subjectType: text().trim().max(100).optional(),
  subjectId: text().trim().max(200).optional(),
  customerId: z.uuid().optional(),
  actor: text().trim().max(200).optional(),
  from: instant().optional(),
  to: instant().optional(),
  /** The `seq` of the last entry on the previous page. */
  before: z.coerce.bigint().positive().max(INT8_MAX).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListAuditEntriesInput = z.input<typeof ListAuditEntriesInput>;

export async function listAuditEntries(rawInput: ListAuditEntriesInput) {
  const input = ListAuditEntriesInput.parse(rawInput);
  const where: Prisma.AuditEntryWhereInput = {
    ...(input.action && { action: { startsWith: input.action } }),
    ...(input.subjectType && { subjectType: input.subjectType }),
    ...(input.subjectId && { subjectId: input.subjectId }),
    ...(input.customerId && { customerId: input.customerId }),
    ...(input.actor && { actorLabel: { contains: input.actor, mode: "insensitive" as const } }),
    ...((input.from || input.to) && { occurredAt: { gte: input.from, lt: input.to } }),
    ...(input.before && { seq: { lt: input.before } }),
  };
  const rows = await db().auditEntry.findMany({
    where,
    orderBy: { seq: "desc" },
    take: input.limit + 1,
    include: { customer: { select: { name: true } } },
  });
  const entries = rows.slice(0, input.limit);
  const nextBefore = rows.length > input.limit ? entries.at(-1)?.seq : undefined;
  return { entries, nextBefore };
}

export async function listAuditActions(): Promise<string[]> {
  const rows = await db().auditEntry.findMany({
    distinct: ["action"],
    select: { action: true },
    orderBy: { action: "asc" },
  });
  return rows.map((r) => r.action);
}
