// The audit chain anchored outside the database: what someone with full control of the
// database (a superuser, triggers off) can do to history, and how `npm run audit:verify` names
// it. These tests damage the chain, so they run on a database of their own.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { hashAuditEntry } from "@/domain/audit/hash-chain";
import { checkpointAuditChain } from "@/server/services/audit/checkpoint-audit-chain";
import { verifyAuditChain } from "@/server/services/audit/verify-audit-chain";
import { upsertCustomer } from "@/server/services/customers/upsert-customer";
import { asRole, runOnOwnDatabase, superuserUrl } from "../support/database-roles";
import { testActor, uniqueId } from "../support/fixtures";

runOnOwnDatabase();

const run = promisify(execFile);

async function auditVerifyCli() {
  return run(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts"], { env: process.env }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

async function someChanges(count: number) {
  for (let i = 0; i < count; i++) {
    await upsertCustomer({
      actor: testActor,
      input: { externalId: uniqueId("anchor"), name: `Anchor ${i}`, currency: "USD", timezone: "UTC" },
    });
  }
}

/** As a superuser with triggers off: what an attacker who owns the database server can do. */
function asAttacker<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  return asRole(superuserUrl(), async (client) => {
    await client.query("SET session_replication_role = replica");
    return work(client);
  });
}

interface EntryRow {
  seq: string;
  occurredAt: Date;
  actorId: string;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string;
  customerId: string | null;
  before: unknown;
  after: unknown;
  previousHash: string;
  hash: string;
}

const entriesFrom = (client: pg.Client, seq: bigint) =>
  client
    .query<EntryRow>(`SELECT e.*, e."seq"::text AS "seq" FROM audit_entry e WHERE e."seq" >= $1 ORDER BY e."seq"`, [
      seq.toString(),
    ])
    .then((r) => r.rows);

/** Rewrites entry `seq`'s actor and recomputes every later hash with the product's own function. */
async function rewriteWithRecomputedHashes(client: pg.Client, seq: bigint, actorLabel: string) {
  const rows = await entriesFrom(client, seq);
  let previousHash = rows[0]!.previousHash;
  for (const row of rows) {
    const content = {
      ...row,
      seq: BigInt(row.seq),
      actorLabel: row.seq === seq.toString() ? actorLabel : row.actorLabel,
    };
    const hash = hashAuditEntry(previousHash, content);
    await client.query(`UPDATE audit_entry SET "actorLabel" = $2, "previousHash" = $3, "hash" = $4 WHERE "seq" = $1`, [
      row.seq,
      content.actorLabel,
      previousHash,
      hash,
    ]);
    previousHash = hash;
  }
  await client.query(`UPDATE audit_chain_head SET "hash" = $1`, [previousHash]);
  return rows;
}

/** Puts entries back as they were; `rows` run to the chain's end, so the head is theirs. */
async function restoreEntries(client: pg.Client, rows: EntryRow[]) {
  for (const row of rows) {
    await client.query(`UPDATE audit_entry SET "actorLabel" = $2, "previousHash" = $3, "hash" = $4 WHERE "seq" = $1`, [
      row.seq,
      row.actorLabel,
      row.previousHash,
      row.hash,
    ]);
  }
  const last = rows.at(-1)!;
  await client.query(`UPDATE audit_chain_head SET "seq" = $1, "hash" = $2`, [last.seq, last.hash]);
}

describe("the audit chain's anchor outside the database", () => {
  beforeAll(async () => {
    await someChanges(6);
    expect((await checkpointAuditChain()).checkpoint?.number).toBe(1n);
    await someChanges(6);
    expect((await checkpointAuditChain()).checkpoint?.number).toBe(2n);
    // Nothing new: no checkpoint.
    expect((await checkpointAuditChain()).checkpoint).toBeNull();
  });

  it("verifies an intact chain and its checkpoints, on the command line too", async () => {
    const result = await verifyAuditChain();
    expect(result).toMatchObject({ ok: true, firstBreak: null, checkpoints: 2, problems: [] });
    const cli = await auditVerifyCli();
    expect(cli.code, cli.out).toBe(0);
    expect(cli.out).toMatch(
      /12 entries, every link intact; 2 checkpoints, the newest \(#2, .*\) vouching for entries 1–12/,
    );
  });

  it("names an entry altered without recomputing the hashes", async () => {
    const originals = await asAttacker(async (client) => {
      const rows = await entriesFrom(client, 4n);
      await client.query(`UPDATE audit_entry SET "actorLabel" = 'Mallory' WHERE "seq" = 4`);
      return rows;
    });
    try {
      expect((await verifyAuditChain()).firstBreak).toMatchObject({ seq: 4n });
      const cli = await auditVerifyCli();
      expect(cli.code).toBe(1);
      expect(cli.out).toContain("BROKEN at entry 4");
    } finally {
      await asAttacker((client) => restoreEntries(client, originals));
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("catches an entry rewritten with every later hash recomputed, which the chain alone accepts", async () => {
    const originals = await asAttacker((client) => rewriteWithRecomputedHashes(client, 5n, "Mallory"));
    try {
      const result = await verifyAuditChain();
      expect(result.firstBreak).toBeNull(); // the hash chain is consistent again…
      expect(result.ok).toBe(false); // …but not with what the checkpoints vouched for
      expect(result.problems).toContain(
        "Entry 6 no longer has the hash checkpoint 1 recorded: entries up to it were rewritten.",
      );
      const cli = await auditVerifyCli();
      expect(cli.code).toBe(1);
      expect(cli.out).toContain("checkpoint 1 recorded");
    } finally {
      await asAttacker((client) => restoreEntries(client, originals));
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("catches the newest entries removed from the tail", async () => {
    const removed = await asAttacker(async (client) => {
      const rows = await entriesFrom(client, 10n);
      await client.query(`DELETE FROM audit_entry WHERE "seq" >= 10`);
      const last = (await entriesFrom(client, 9n))[0]!;
      await client.query(`UPDATE audit_chain_head SET "seq" = 9, "hash" = $1`, [last.hash]);
      return rows;
    });
    try {
      const result = await verifyAuditChain();
      expect(result.firstBreak).toBeNull();
      expect(result.problems).toContain("Entries after 9 were removed: checkpoint 2 vouched for 12 entries.");
      const cli = await auditVerifyCli();
      expect(cli.code).toBe(1);
      expect(cli.out).toContain("Entries after 9 were removed");
    } finally {
      await asAttacker(async (client) => {
        for (const row of removed) {
          await client.query(
            `INSERT INTO audit_entry ("seq", "occurredAt", "actorId", "actorLabel", "action", "subjectType", "subjectId",
               "customerId", "before", "after", "previousHash", "hash")
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
            [
              row.seq,
              row.occurredAt,
              row.actorId,
              row.actorLabel,
              row.action,
              row.subjectType,
              row.subjectId,
              row.customerId,
              JSON.stringify(row.before),
              JSON.stringify(row.after),
              row.previousHash,
              row.hash,
            ],
          );
        }
        await restoreEntries(client, removed);
      });
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("catches a removed checkpoint: the newest from the copy outside the database, an older one from the gap", async () => {
    const saved = await asAttacker(async (client) => {
      const { rows } = await client.query("SELECT * FROM audit_checkpoint ORDER BY number");
      await client.query("DELETE FROM audit_checkpoint WHERE number = 2");
      return rows;
    });
    const reinsert = (client: pg.Client, row: Record<string, unknown>) =>
      client.query(
        `INSERT INTO audit_checkpoint ("number", "createdAt", "auditSeq", "auditHash", "reason", "keyId", "previousMac", "mac")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [row.number, row.createdAt, row.auditSeq, row.auditHash, row.reason, row.keyId, row.previousMac, row.mac],
      );
    try {
      const newestGone = await verifyAuditChain();
      expect(newestGone.problems).toEqual([
        expect.stringMatching(
          /^Checkpoint 2, taken .* and kept outside the database, is missing from it: checkpoints were removed\.$/,
        ),
      ]);
      const cli = await auditVerifyCli();
      expect(cli.code).toBe(1);
      expect(cli.out).toContain("Checkpoint 2");

      await asAttacker(async (client) => {
        await reinsert(client, saved[1]!);
        await client.query("DELETE FROM audit_checkpoint WHERE number = 1");
      });
      expect((await verifyAuditChain()).problems).toContain("Checkpoint 1 is missing: checkpoints were removed.");
    } finally {
      await asAttacker(async (client) => {
        await client.query("DELETE FROM audit_checkpoint");
        for (const row of saved) await reinsert(client, row);
      });
    }
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it("catches a checkpoint forged without the key", async () => {
    await asAttacker((client) =>
      client.query(`UPDATE audit_checkpoint SET "auditHash" = repeat('a', 64) WHERE number = 1`),
    );
    const result = await verifyAuditChain();
    expect(result.problems).toContain("Checkpoint 1's signature does not match its content: it was forged or altered.");
  });
});
