// The audit log is a hash chain: each entry's hash covers its own content and the previous
// entry's hash, so changing, inserting or removing any stored entry breaks every later link.
import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json";

export const GENESIS_HASH = "0".repeat(64);

/** What an entry's hash covers: everything stored except the hash itself. */
export interface AuditEntryContent {
  seq: bigint;
  occurredAt: Date;
  actorId: string;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  customerId: string | null;
  before: unknown;
  after: unknown;
}

export interface ChainedAuditEntry extends AuditEntryContent {
  previousHash: string;
  hash: string;
}

/**
 * Turns a before/after snapshot into the plain JSON that jsonb will hand back later
 * (BigInt and Date become strings, undefined disappears), so the hash computed at write
 * time is the hash recomputed at verification time.
 */
export function toStoredJson(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return JSON.parse(canonicalJson(value));
}

export function hashAuditEntry(previousHash: string, entry: AuditEntryContent): string {
  const content = canonicalJson({
    seq: entry.seq.toString(),
    occurredAt: entry.occurredAt.toISOString(),
    actorId: entry.actorId,
    actorLabel: entry.actorLabel,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    customerId: entry.customerId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  return createHash("sha256").update(previousHash).update("\n").update(content).digest("hex");
}

export function chainAuditEntry(
  previous: { seq: bigint; hash: string } | null,
  entry: Omit<AuditEntryContent, "seq">,
): ChainedAuditEntry {
  const seq = (previous?.seq ?? 0n) + 1n;
  const previousHash = previous?.hash ?? GENESIS_HASH;
  const content = { ...entry, seq, before: toStoredJson(entry.before), after: toStoredJson(entry.after) };
  return { ...content, previousHash, hash: hashAuditEntry(previousHash, content) };
}

export type ChainBreak = { seq: bigint; reason: string };

/**
 * Checks one stretch of the chain, given the entry just before it (null at the start).
 * Returns the first broken entry, or null when every link holds.
 */
export function findChainBreak(
  previous: { seq: bigint; hash: string } | null,
  entries: readonly ChainedAuditEntry[],
): ChainBreak | null {
  let expectedSeq = (previous?.seq ?? 0n) + 1n;
  let expectedPreviousHash = previous?.hash ?? GENESIS_HASH;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) {
      return { seq: entry.seq, reason: `expected entry ${expectedSeq} here: entries are missing or reordered` };
    }
    if (entry.previousHash !== expectedPreviousHash) {
      return { seq: entry.seq, reason: "its previous-hash does not match the entry before it" };
    }
    if (hashAuditEntry(entry.previousHash, entry) !== entry.hash) {
      return { seq: entry.seq, reason: "its content does not match its hash (the entry was altered)" };
    }
    expectedSeq = entry.seq + 1n;
    expectedPreviousHash = entry.hash;
  }
  return null;
}
