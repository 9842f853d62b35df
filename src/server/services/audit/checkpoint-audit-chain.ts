// Signs the audit chain's head with the checkpoint key (src/domain/audit/checkpoint.ts): every
// minute from the scheduler, and inside every finalization's own transaction. The newest
// checkpoint is also written to DATA_DIR/audit-anchor.json after the commit, outside the
// database, so that removing checkpoints from the table is detected too.
import { type AuditCheckpoint, signCheckpoint } from "@/domain/audit/checkpoint";
import { clock } from "@/server/clock";
import { db, type SqlTx, transaction } from "@/server/db";
import { auditCheckpointKey, dataDirectory, writeAuditAnchor } from "@/server/runtime/app-secrets";

export type CheckpointReason = "schedule" | "finalization";

interface CheckpointRow {
  number: bigint;
  createdAt: Date;
  auditSeq: bigint;
  auditHash: string;
  reason: string;
  keyId: string;
  previousMac: string;
  mac: string;
}

export async function latestCheckpoint(tx: SqlTx = db()): Promise<AuditCheckpoint | null> {
  const [row] = await tx.$queryRaw<CheckpointRow[]>`
    SELECT "number", "createdAt", "auditSeq", "auditHash", "reason", "keyId", "previousMac", "mac"
    FROM audit_checkpoint ORDER BY "number" DESC LIMIT 1`;
  return row ?? null;
}

/**
 * Inside the caller's transaction, after its audit entries: signs the head unless the newest
 * checkpoint already vouches for it. The head's row lock orders it with every append, so the
 * checkpoint vouches for exactly the entries committed before it, and two instances
 * checkpointing at once take turns. Returns the new checkpoint, or null.
 */
export async function takeCheckpoint(
  tx: SqlTx,
  reason: CheckpointReason,
  now: Date = clock.now(),
): Promise<AuditCheckpoint | null> {
  const [head] = await tx.$queryRaw<{ seq: bigint; hash: string }[]>`
    SELECT "seq", "hash" FROM audit_chain_head WHERE "id" = 1 FOR UPDATE`;
  const previous = await latestCheckpoint(tx);
  if (!head || (previous && previous.auditSeq === head.seq)) return null;
  const checkpoint = signCheckpoint(auditCheckpointKey(dataDirectory()), previous, head.seq === 0n ? null : head, {
    createdAt: now,
    reason,
  });
  await tx.$executeRaw`
    INSERT INTO audit_checkpoint ("number", "createdAt", "auditSeq", "auditHash", "reason", "keyId", "previousMac", "mac")
    VALUES (${checkpoint.number.toString()}::bigint, ${checkpoint.createdAt}::timestamptz,
      ${checkpoint.auditSeq.toString()}::bigint, ${checkpoint.auditHash}, ${checkpoint.reason}, ${checkpoint.keyId},
      ${checkpoint.previousMac}, ${checkpoint.mac})`;
  return checkpoint;
}

/** After the commit: the newest checkpoint, outside the database. */
export function anchorCheckpoint(checkpoint: AuditCheckpoint | null): void {
  if (!checkpoint) return;
  writeAuditAnchor(dataDirectory(), {
    number: checkpoint.number.toString(),
    mac: checkpoint.mac,
    auditSeq: checkpoint.auditSeq.toString(),
    createdAt: checkpoint.createdAt.toISOString(),
  });
}

/** The scheduler's job: a checkpoint when the chain moved since the last one. */
export async function checkpointAuditChain({ now = clock.now() }: { now?: Date } = {}): Promise<{
  checkpoint: AuditCheckpoint | null;
}> {
  const checkpoint = await transaction((tx) => takeCheckpoint(tx, "schedule", now));
  anchorCheckpoint(checkpoint);
  return { checkpoint };
}
