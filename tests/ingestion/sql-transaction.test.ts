// The ingestion transaction runs on pg directly (`sqlTransaction`) while the rest of the app
// and the shared write-path functions also run inside Prisma transactions: both must read the
// same values, and a failed batch must leave nothing behind.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db, disconnectDb, type SqlTx, sqlOnPool, sqlTransaction } from "@/server/db";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { makeCustomer, testActor, uniqueId } from "../support/fixtures";

const sample = (tx: SqlTx) => tx.$queryRaw<Record<string, unknown>[]>`
  SELECT 12.3400::numeric(20, 10) AS "decimal", 9007199254740993::bigint AS "big", 7::int AS "int",
    '2026-03-01 10:20:30.123+02'::timestamptz AS "instant",
    '2026-03-01 10:20:30.123'::timestamp AS "wallClock", '2026-03-01'::date AS "day",
    '{"b": [1, "x"], "a": null}'::jsonb AS "document", 'c0ffee00-0000-4000-8000-000000000000'::uuid AS "id",
    ${"it's"}::text AS "text", ${new Date("2026-01-02T03:04:05.678Z")}::timestamptz AS "parameterInstant",
    NULL::numeric AS "missing"`;

describe("transactions on pg directly", () => {
  it("decode rows exactly as Prisma's raw queries do", async () => {
    const [throughPrisma] = await db().$transaction((tx) => sample(tx));
    const [direct] = await sqlTransaction((tx) => sample(tx));
    const [onPool] = await sample(sqlOnPool());
    expect(direct).toEqual(throughPrisma);
    expect(onPool).toEqual(throughPrisma);
    expect(String(direct!.decimal)).toBe("12.34");
    expect(direct!.big).toBe(9007199254740993n);
    expect((direct!.instant as Date).toISOString()).toBe("2026-03-01T08:20:30.123Z");
    expect((direct!.wallClock as Date).toISOString()).toBe("2026-03-01T10:20:30.123Z");
    expect((direct!.parameterInstant as Date).toISOString()).toBe("2026-01-02T03:04:05.678Z");
  });

  it("roll back everything, the audit entry included, when the work fails, and the connection stays usable", async () => {
    const customer = await makeCustomer();
    const subjectId = uniqueId("rollback");
    const failure = sqlTransaction(async (tx) => {
      await appendAuditEntry(tx, {
        actor: testActor,
        action: "test.rolled_back",
        subjectType: "test",
        subjectId,
        customerId: customer.id,
      });
      await tx.$executeRaw`SELECT 1 / 0`;
    });
    await expect(failure).rejects.toThrow(/division by zero/);
    expect(await db().auditEntry.count({ where: { subjectId } })).toBe(0);

    // Every pooled connection is still clean: no transaction left open on any of them.
    const states = await Promise.all(
      Array.from({ length: 12 }, () => sqlTransaction((tx) => tx.$queryRaw<{ now: Date }[]>`SELECT now() AS "now"`)),
    );
    expect(states).toHaveLength(12);
    const written = await sqlTransaction((tx) =>
      appendAuditEntry(tx, {
        actor: testActor,
        action: "test.committed",
        subjectType: "test",
        subjectId,
        customerId: customer.id,
      }),
    );
    const stored = await db().auditEntry.findMany({ where: { subjectId } });
    expect(stored.map((e) => [e.seq, e.hash, e.action])).toEqual([[written.seq, written.hash, "test.committed"]]);
  });

  it("survive the server closing an idle pooled connection, even before Prisma has connected", async () => {
    // A fresh pool that only sqlTransaction has used: Prisma's adapter has not added its own
    // error listener to it.
    await disconnectDb();
    const [pooled] = await sqlTransaction((tx) => tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS "pid"`);
    // The connection is idle in the pool now; the server ends it, as a restart would.
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query("SELECT pg_terminate_backend($1)", [pooled!.pid]);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [after] = await sqlTransaction((tx) => tx.$queryRaw<{ one: number }[]>`SELECT 1 AS "one"`);
    expect(after!.one).toBe(1);
  });
});
