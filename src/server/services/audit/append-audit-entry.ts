// Appends one entry to the audit chain inside the caller's transaction, so the entry exists
// exactly when the change it records does. Raw SQL, so that it runs in a Prisma transaction
// and in the ingestion path's transaction on pg directly alike.
import { type Actor, actorId, actorLabel } from "@/domain/actor";
import { chainAuditEntry } from "@/domain/audit/hash-chain";
import { clock } from "@/server/clock";
import type { SqlTx } from "@/server/db";

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
  // The head's row lock is held until commit: every audited transaction queues on it, which
  // keeps the chain linear, and the next writer reads the head this one leaves. The head has
  // its own table because row-level security hides other customers' entries from a customer's
  // transaction.
  const [head] = await tx.$queryRaw<{ seqText: string; hash: string }[]>`
    SELECT "seq"::text AS "seqText", "hash" FROM audit_chain_head WHERE "id" = 1 FOR UPDATE`;
  if (!head) throw new Error("audit_chain_head has no row: the migrations did not run completely.");
  const previous = head.seqText === "0" ? null : { seq: BigInt(head.seqText), hash: head.hash };
  const entry = chainAuditEntry(previous, {
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
  await tx.$executeRaw`
    UPDATE audit_chain_head SET "seq" = ${entry.seq.toString()}::bigint, "hash" = ${entry.hash} WHERE "id" = 1`;
  return { seq: entry.seq, hash: entry.hash };
}
