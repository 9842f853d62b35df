// Appends one entry to the audit chain inside the caller's transaction, so the entry exists
// exactly when the change it records does.
import { type Actor, actorId, actorLabel } from "@/domain/actor";
import { chainAuditEntry } from "@/domain/audit/hash-chain";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";

/** Any fixed number: all audited transactions queue on it, which keeps the chain linear. */
const AUDIT_CHAIN_LOCK = 7_246_001;

export interface AuditRecord {
  actor: Actor;
  action: string;
  subjectType: string;
  subjectId: string;
  customerId: string | null;
  before?: unknown;
  after?: unknown;
}

export async function appendAuditEntry(tx: Tx, record: AuditRecord): Promise<{ seq: bigint; hash: string }> {
  // Held until commit: the next writer reads this entry only once it is committed.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const previous = await tx.auditEntry.findFirst({ orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  const entry = chainAuditEntry(previous, {
    occurredAt: new Date(),
    actorId: actorId(record.actor),
    actorLabel: actorLabel(record.actor),
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    customerId: record.customerId,
    before: record.before,
    after: record.after,
  });
  await tx.auditEntry.create({
    data: {
      ...entry,
      before: (entry.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (entry.after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
  return { seq: entry.seq, hash: entry.hash };
}
