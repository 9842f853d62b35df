// Checkpoints anchor the audit chain outside the database. The chain alone proves only that
// its entries agree with each other: whoever can write the table can rewrite an entry and
// recompute every later hash with the same public function, or drop the newest entries. A
// checkpoint is the chain's head (seq and hash) signed with an HMAC key the database never
// sees; checkpoints are numbered without gaps and each signature covers the previous one, so
// removing one breaks the sequence, and the newest is also kept in a file outside the
// database. What stays unprotected is the tail written since the last checkpoint (at most a
// minute, by the scheduler).
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { canonicalJson } from "../canonical-json";
import { GENESIS_HASH } from "./hash-chain";

export const GENESIS_MAC = "0".repeat(64);

export interface CheckpointContent {
  number: bigint;
  createdAt: Date;
  auditSeq: bigint;
  auditHash: string;
  reason: string;
  keyId: string;
  previousMac: string;
}

export interface AuditCheckpoint extends CheckpointContent {
  mac: string;
}

/** Names a key without revealing it: the first 16 hex digits of its SHA-256. */
export function checkpointKeyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

function macOf(key: Buffer, content: CheckpointContent): string {
  const text = canonicalJson({
    number: content.number.toString(),
    createdAt: content.createdAt.toISOString(),
    auditSeq: content.auditSeq.toString(),
    auditHash: content.auditHash,
    reason: content.reason,
    keyId: content.keyId,
    previousMac: content.previousMac,
  });
  return createHmac("sha256", key).update(text).digest("hex");
}

/** The next checkpoint after `previous` (null for the first), vouching for the chain's head. */
export function signCheckpoint(
  key: Buffer,
  previous: AuditCheckpoint | null,
  head: { seq: bigint; hash: string } | null,
  { createdAt, reason }: { createdAt: Date; reason: string },
): AuditCheckpoint {
  const content: CheckpointContent = {
    number: (previous?.number ?? 0n) + 1n,
    createdAt,
    auditSeq: head?.seq ?? 0n,
    auditHash: head?.hash ?? GENESIS_HASH,
    reason,
    keyId: checkpointKeyId(key),
    previousMac: previous?.mac ?? GENESIS_MAC,
  };
  return { ...content, mac: macOf(key, content) };
}

const sameHex = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, "hex"), Buffer.from(b, "hex"));

/**
 * What is wrong with a run of checkpoints (oldest first, `previous` the one before it or null
 * at the start), in plain words; empty when each is signed by `key`, numbered after the one
 * before it and chained to its signature.
 */
export function checkpointProblems(
  key: Buffer,
  previous: AuditCheckpoint | null,
  checkpoints: readonly AuditCheckpoint[],
): string[] {
  const problems: string[] = [];
  const keyId = checkpointKeyId(key);
  let before = previous;
  for (const checkpoint of checkpoints) {
    const expected = (before?.number ?? 0n) + 1n;
    if (checkpoint.number !== expected) {
      const missing = expected === checkpoint.number - 1n ? `${expected}` : `${expected}–${checkpoint.number - 1n}`;
      problems.push(
        `Checkpoint ${missing} ${expected === checkpoint.number - 1n ? "is" : "are"} missing: checkpoints were removed.`,
      );
    } else if (checkpoint.previousMac !== (before?.mac ?? GENESIS_MAC)) {
      problems.push(
        `Checkpoint ${checkpoint.number} does not follow checkpoint ${expected - 1n}: the sequence was altered.`,
      );
    }
    if (checkpoint.keyId !== keyId) {
      problems.push(
        `Checkpoint ${checkpoint.number} was signed with another key (key id ${checkpoint.keyId}; this key is ${keyId}).`,
      );
    } else if (!sameHex(macOf(key, checkpoint), checkpoint.mac)) {
      problems.push(
        `Checkpoint ${checkpoint.number}'s signature does not match its content: it was forged or altered.`,
      );
    }
    before = checkpoint;
  }
  return problems;
}

/**
 * Whether the chain still holds what a checkpoint vouched for: `hashAtSeq` is the stored
 * chain's hash at the checkpoint's seq (null when that entry is gone), `lastSeq` the chain's
 * newest entry.
 */
export function checkpointMismatch(
  checkpoint: Pick<AuditCheckpoint, "number" | "auditSeq" | "auditHash">,
  hashAtSeq: string | null,
  lastSeq: bigint,
): string | null {
  if (checkpoint.auditSeq === 0n) return null;
  if (lastSeq < checkpoint.auditSeq) {
    return `Entries after ${lastSeq} were removed: checkpoint ${checkpoint.number} vouched for ${checkpoint.auditSeq} entries.`;
  }
  if (hashAtSeq !== checkpoint.auditHash) {
    return `Entry ${checkpoint.auditSeq} no longer has the hash checkpoint ${checkpoint.number} recorded: entries up to it were rewritten.`;
  }
  return null;
}
