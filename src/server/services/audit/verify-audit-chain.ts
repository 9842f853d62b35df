// Verifies the audit log: walks the whole hash chain in order a page at a time (the first
// broken link), then the checkpoints that anchor it (signatures, numbering, what each vouched
// for) and the newest checkpoint kept outside the database. Every problem is said in plain words.
import {
  type AuditCheckpoint,
  checkpointKeyId,
  checkpointMismatch,
  checkpointProblems,
} from "@/domain/audit/checkpoint";
import { type ChainBreak, type ChainedAuditEntry, findChainBreak } from "@/domain/audit/hash-chain";
import { db } from "@/server/db";
import { auditCheckpointKey, dataDirectory, readAuditAnchor } from "@/server/runtime/app-secrets";

const PAGE_SIZE = 2_000;

export interface AuditVerification {
  /** Entries whose links hold, from the first. */
  checked: number;
  /** The newest entry stored. */
  lastSeq: bigint;
  firstBreak: ChainBreak | null;
  checkpoints: number;
  lastCheckpoint: AuditCheckpoint | null;
  /** What is wrong beyond the first broken link: checkpoints, the anchor, the head. */
  problems: string[];
  /** Worth knowing, not wrong (e.g. no checkpoint yet right after an upgrade). */
  notes: string[];
  ok: boolean;
}

export async function verifyAuditChain(): Promise<AuditVerification> {
  const { checked, firstBreak, last } = await walkChain();
  const lastSeq = last?.seq ?? 0n;
  const key = auditCheckpointKey(dataDirectory());
  const { count, newest, problems } = await verifyCheckpoints(key, lastSeq);

  const [head] = await db().$queryRaw<{ seq: bigint; hash: string }[]>`
    SELECT "seq", "hash" FROM audit_chain_head WHERE "id" = 1`;
  if (head && head.seq > lastSeq) {
    problems.push(`Entries after ${lastSeq} were removed: the chain's head says ${head.seq}.`);
  } else if (head && last && (head.seq !== last.seq || head.hash !== last.hash)) {
    problems.push(`The chain's head (entry ${head.seq}) is not its newest entry (${lastSeq}).`);
  }

  const anchor = readAuditAnchor(dataDirectory());
  if (anchor) {
    const number = BigInt(anchor.number);
    const [stored] = await db().$queryRaw<{ mac: string }[]>`
      SELECT "mac" FROM audit_checkpoint WHERE "number" = ${anchor.number}::bigint`;
    if (!stored) {
      problems.push(
        `Checkpoint ${number}, taken ${anchor.createdAt} and kept outside the database, is missing from it: checkpoints were removed.`,
      );
    } else if (stored.mac !== anchor.mac) {
      problems.push(`Checkpoint ${number} differs from the copy kept outside the database: it was replaced.`);
    }
  }
  const notes: string[] = [];
  if (count === 0 && lastSeq > 0n) {
    notes.push(
      `No checkpoint vouches for the chain's ${lastSeq} entries yet: the running app takes one within a minute of a change.`,
    );
  }
  return {
    checked,
    lastSeq,
    firstBreak,
    checkpoints: count,
    lastCheckpoint: newest,
    problems,
    notes,
    ok: !firstBreak && problems.length === 0,
  };
}

async function walkChain(): Promise<{
  checked: number;
  firstBreak: ChainBreak | null;
  last: ChainedAuditEntry | null;
}> {
  let previous: ChainedAuditEntry | null = null;
  let checked = 0;
  for (;;) {
    const page: ChainedAuditEntry[] = await db().auditEntry.findMany({
      where: previous ? { seq: { gt: previous.seq } } : {},
      orderBy: { seq: "asc" },
      take: PAGE_SIZE,
    });
    if (page.length === 0) return { checked, firstBreak: null, last: previous };
    const firstBreak = findChainBreak(previous, page);
    if (firstBreak) {
      const last = await db().auditEntry.findFirst({ orderBy: { seq: "desc" } });
      return { checked: checked + Number(firstBreak.seq - (previous?.seq ?? 0n)) - 1, firstBreak, last };
    }
    checked += page.length;
    previous = page.at(-1)!;
  }
}

async function verifyCheckpoints(
  key: Buffer,
  lastSeq: bigint,
): Promise<{ count: number; newest: AuditCheckpoint | null; problems: string[] }> {
  const problems: string[] = [];
  let before: AuditCheckpoint | null = null;
  let count = 0;
  for (;;) {
    const page: AuditCheckpoint[] = await db().auditCheckpoint.findMany({
      where: before ? { number: { gt: before.number } } : {},
      orderBy: { number: "asc" },
      take: PAGE_SIZE,
    });
    if (page.length === 0) break;
    problems.push(...checkpointProblems(key, before, page));
    const hashes = new Map(
      (
        await db().auditEntry.findMany({
          where: { seq: { in: page.map((c) => c.auditSeq) } },
          select: { seq: true, hash: true },
        })
      ).map((e) => [e.seq, e.hash]),
    );
    for (const checkpoint of page) {
      const mismatch = checkpointMismatch(checkpoint, hashes.get(checkpoint.auditSeq) ?? null, lastSeq);
      if (mismatch) problems.push(mismatch);
    }
    count += page.length;
    before = page.at(-1)!;
  }
  if (before && before.keyId !== checkpointKeyId(key)) {
    problems.push(
      "This machine's checkpoint key is not the one the app signs with: set the same AUDIT_CHECKPOINT_KEY.",
    );
  }
  return { count, newest: before, problems: [...new Set(problems)] };
}
