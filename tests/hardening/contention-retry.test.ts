// Deadlocks (40P01) and serialization failures (40001) are retried a bounded number of times
// by the one wrapper every transaction goes through, and never surface as a 500 (issue 13):
// real ones are provoked here, on both paths (Prisma's `transaction`, pg's `sqlTransaction`).
import pg from "pg";
import { describe, expect, it } from "vitest";
import { errorResponse } from "@/server/api/response";
import { CONTENTION_TRIES, type SqlTx, sqlTransaction, transaction } from "@/server/db";
import { toAppError } from "@/server/errors";
import { makeCustomer } from "../support/fixtures";

/** Resolves once `parties` callers have arrived. */
function barrier(parties: number) {
  let arrived = 0;
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    arrived += 1;
    if (arrived === parties) open();
    return opened;
  };
}

const lockKeys = () => {
  const base = Math.floor(Math.random() * 1e9);
  return [base, base + 1] as const;
};

/**
 * Two transactions that take two advisory locks in opposite orders, each waiting on its first
 * run until both hold their first lock: PostgreSQL must abort one of them as a deadlock.
 */
async function deadlockPair(run: (work: (tx: SqlTx) => Promise<void>) => Promise<void>) {
  const [a, b] = lockKeys();
  const bothHoldOne = barrier(2);
  const runs = [0, 0];
  const side = (index: number, first: number, second: number) =>
    run(async (tx) => {
      runs[index] = (runs[index] ?? 0) + 1;
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${first}::bigint)::text`;
      if (runs[index] === 1) await bothHoldOne();
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${second}::bigint)::text`;
    });
  await Promise.all([side(0, a, b), side(1, b, a)]);
  return runs;
}

describe("contention", () => {
  it("runs again a Prisma transaction that PostgreSQL aborted as a deadlock, and both complete", async () => {
    const runs = await deadlockPair((work) => transaction(work));
    expect(runs.sort()).toEqual([1, 2]);
  });

  it("runs again an ingestion transaction on pg that PostgreSQL aborted as a deadlock, and both complete", async () => {
    const runs = await deadlockPair((work) => sqlTransaction(work));
    expect(runs.sort()).toEqual([1, 2]);
  });

  it("runs again a transaction that failed to serialize with a concurrent update", async () => {
    const customer = await makeCustomer();
    const bothRead = barrier(2);
    const runs = [0, 0];
    const rename = (index: number) =>
      transaction(
        async (tx) => {
          runs[index] = (runs[index] ?? 0) + 1;
          const { name } = await tx.customer.findUniqueOrThrow({ where: { id: customer.id } });
          if (runs[index] === 1) await bothRead();
          // Under REPEATABLE READ the second writer finds the row changed since its snapshot: 40001.
          await tx.customer.update({ where: { id: customer.id }, data: { name: `${name}+${index}` } });
        },
        { isolationLevel: "RepeatableRead" },
      );
    await Promise.all([rename(0), rename(1)]);
    expect(runs.sort()).toEqual([1, 2]);
  });

  it(`gives up after ${CONTENTION_TRIES} tries and answers 503 RETRY_LATER with Retry-After, never 500`, async () => {
    let runs = 0;
    const failure = await transaction(async (tx) => {
      runs += 1;
      await tx.$executeRaw`DO $$ BEGIN RAISE EXCEPTION 'provoked' USING ERRCODE = 'serialization_failure'; END $$`;
    }).catch((error: unknown) => error);
    expect(runs).toBe(CONTENTION_TRIES);
    expect(toAppError(failure)).toMatchObject({ code: "RETRY_LATER", retryAfterSeconds: 1 });
    const response = errorResponse(failure, new Request("http://localhost/api/v1/events", { method: "POST" }));
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("1");
    expect((await response.json()).error).toMatchObject({ code: "RETRY_LATER", fields: [] });
  });

  it("answers 503 RETRY_LATER, not 500, when no pooled connection comes free in time", async () => {
    // A pool as the app's, saturated: its one connection is held while another request waits.
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, connectionTimeoutMillis: 100 });
    const held = await pool.connect();
    try {
      const failure = await pool.connect().catch((error: unknown) => error);
      expect(toAppError(failure)).toMatchObject({ code: "RETRY_LATER", retryAfterSeconds: 1 });
      const response = errorResponse(failure, new Request("http://localhost/api/v1/events", { method: "POST" }));
      expect(response.status).toBe(503);
    } finally {
      held.release();
      await pool.end();
    }
  });

  it("does not run again a transaction that failed for any other reason", async () => {
    let runs = 0;
    await expect(
      sqlTransaction(async (tx) => {
        runs += 1;
        await tx.$executeRaw`SELECT 1 / 0`;
      }),
    ).rejects.toMatchObject({ code: "22012" });
    expect(runs).toBe(1);
  });
});
