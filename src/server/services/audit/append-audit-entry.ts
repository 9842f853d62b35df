// Appends one entry to the audit chain inside the caller's transaction, so the entry exists
// exactly when the change it records does. Raw SQL, so that it runs in a Prisma transaction
// and in the ingestion path's transaction on pg directly alike.
import { type Actor, actorId, actorLabel } from "@/domain/actor";
import { chainAuditEntry } from "@/domain/audit/hash-chain";
import { clock } from "@/server/clock";
import type { SqlTx } from "@/server/db";

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

export async function appendAuditEntry(tx: SqlTx, record: AuditRecord): Promise<{ seq: bigint; hash: string }> {
  // Held until commit: the next writer reads this entry only once it is committed. The read
  // is its own statement so that its snapshot is taken after the lock is granted.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const [previous] = await tx.$queryRaw<{ seqText: string; hash: string }[]>`
    SELECT "seq"::text AS "seqText", "hash" FROM audit_entry ORDER BY "seq" DESC LIMIT 1`;
  const entry = chainAuditEntry(previous ? { seq: BigInt(previous.seqText), hash: previous.hash } : null, {
    occurredAt: clock.now(),
    actorId: actorId(record.actor),
    actorLabel: actorLabel(record.actor),
    action: record.action,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    customerId: record.customerId,
    before: record.before,
    after: record.after,
  });
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  await tx.$executeRaw`
    INSERT INTO audit_entry ("seq", "occurredAt", "actorId", "actorLabel", "action", "subjectType", "subjectId",
      "customerId", "before", "after", "previousHash", "hash")
    VALUES (${entry.seq.toString()}::bigint, ${entry.occurredAt.toISOString()}::timestamptz, ${entry.actorId},
      ${entry.actorLabel}, ${entry.action}, ${entry.subjectType}, ${entry.subjectId}, ${entry.customerId}::uuid,
      ${json(entry.before)}::jsonb, ${json(entry.after)}::jsonb, ${entry.previousHash}, ${entry.hash})`;
  return { seq: entry.seq, hash: entry.hash };
}
