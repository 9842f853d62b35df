// Row-level security, the second wall between customers: even a query that forgot its
// customer filter, run for a customer user, sees and changes only that company's rows.

import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { db, keepDatabaseScope, withCustomerScope } from "@/server/db";
import { APP_PRIVILEGES } from "@/server/runtime/database-roles";
import { authedProcedure, createCallerFactory, router } from "@/server/trpc/init";
import { asRole, ownerUrl } from "../support/database-roles";
import { callerFor, makeCustomer, makeDefinition, makeUser, sendAttempts, uniqueId } from "../support/fixtures";

async function twoCustomersWithAttempts() {
  const definition = await makeDefinition();
  const [mine, theirs] = await Promise.all([makeCustomer(), makeCustomer()]);
  await sendAttempts(mine.externalId, definition.key, new Date("2026-02-03T10:00:00Z"), 3, 2);
  await sendAttempts(theirs.externalId, definition.key, new Date("2026-02-03T10:00:00Z"), 4, 1);
  return { mine, theirs };
}

/** Every customer id a table shows, whatever the query forgot. */
const customersIn = (rows: { customerId: string | null }[]) => [...new Set(rows.map((r) => r.customerId))].sort();

describe("row-level security", () => {
  it("shows a customer's transaction only its own company's rows when the query forgets its filter", async () => {
    const { mine, theirs } = await twoCustomersWithAttempts();
    const seen = await withCustomerScope(mine.id, () =>
      db().$transaction(async (tx) => ({
        attempts: await tx.attempt.findMany({ select: { customerId: true } }),
        events: await tx.ingestEvent.findMany({ select: { customerId: true } }),
        rollups: await tx.usageRollup.findMany({ select: { customerId: true } }),
        audit: await tx.auditEntry.findMany({ select: { customerId: true } }),
        customers: await tx.customer.findMany({ select: { id: true } }),
        rawCount: await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM attempt`,
      })),
    );
    expect(customersIn(seen.attempts)).toEqual([mine.id]);
    expect(seen.attempts).toHaveLength(3);
    expect(customersIn(seen.events)).toEqual([mine.id]);
    expect(customersIn(seen.rollups)).toEqual([mine.id]);
    expect(customersIn(seen.audit)).toEqual([mine.id]);
    expect(seen.customers).toEqual([{ id: mine.id }]);
    expect(seen.rawCount[0]!.n).toBe(3n);

    // Outside a customer's scope (staff, jobs, ingestion) every customer is there.
    const all = await db().attempt.findMany({
      where: { customerId: { in: [mine.id, theirs.id] } },
      select: { customerId: true },
    });
    expect(customersIn(all)).toEqual([mine.id, theirs.id].sort());
  });

  it("lets a customer's transaction change none of another company's rows", async () => {
    const { mine, theirs } = await twoCustomersWithAttempts();
    const changed = await withCustomerScope(mine.id, () =>
      db().customer.updateMany({ where: { id: theirs.id }, data: { name: "Renamed by a neighbour" } }),
    );
    expect(changed.count).toBe(0);
    await expect(
      withCustomerScope(mine.id, () =>
        db().spendAlert.create({
          data: { customerId: theirs.id, kind: "amount", threshold: new Prisma.Decimal("1"), createdBy: "x" },
        }),
      ),
    ).rejects.toThrow(/row-level security/);
    expect((await db().customer.findUniqueOrThrow({ where: { id: theirs.id } })).name).not.toBe(
      "Renamed by a neighbour",
    );
  });

  it("puts every procedure of a customer user in their company's scope, and staff in the provider's", async () => {
    const { mine, theirs } = await twoCustomersWithAttempts();
    // A procedure whose query forgot the customer filter entirely.
    const careless = router({
      attempts: authedProcedure.query(() =>
        db().attempt.findMany({ where: { customerId: { in: [mine.id, theirs.id] } }, select: { customerId: true } }),
      ),
    });
    const callCareless = createCallerFactory(careless);
    const [finance, reviewer] = await Promise.all([makeUser("finance", mine.id), makeUser("reviewer")]);
    const context = (actor: typeof finance) => ({ actor, viewedCustomerId: null, resHeaders: new Headers() });
    expect(customersIn(await callCareless(context(finance)).attempts())).toEqual([mine.id]);
    expect(customersIn(await callCareless(context(reviewer)).attempts())).toEqual([mine.id, theirs.id].sort());
    // The real procedures run the same way.
    const list = await callerFor(finance).outcomes.list({ limit: 100 });
    expect(list.attempts).toHaveLength(3);
  });

  it("keeps a customer's scope for work that runs later, such as a streamed download's next page", async () => {
    const { mine } = await twoCustomersWithAttempts();
    const later = await withCustomerScope(mine.id, () => keepDatabaseScope());
    const rows = await later(() => db().attempt.findMany({ select: { customerId: true } }));
    expect(customersIn(rows)).toEqual([mine.id]);
  });

  it("shows a connection that set no scope at all nothing (default deny)", async () => {
    await twoCustomersWithAttempts();
    const appUrl = process.env.DATABASE_URL!;
    const counts = await asRole(appUrl, async (client) => {
      const { rows } = await client.query<{ attempts: string; customers: string }>(
        "SELECT (SELECT count(*) FROM attempt) AS attempts, (SELECT count(*) FROM customer) AS customers",
      );
      return rows[0]!;
    });
    expect(counts).toEqual({ attempts: "0", customers: "0" });
  });
});

describe("the app's database role", () => {
  it("is neither a superuser nor an owner, and cannot bypass row security", async () => {
    const [role] = await db().$queryRaw<{ rolsuper: boolean; rolbypassrls: boolean; owned: bigint }[]>`
      SELECT rolsuper, rolbypassrls,
        (SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned
      FROM pg_roles WHERE rolname = current_user`;
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0n });
  });

  it("holds exactly the privileges of APP_PRIVILEGES, on every table, and TRUNCATE on none", async () => {
    const rows = await db().$queryRaw<{ table: string; privileges: string[] }[]>`
      SELECT t.tablename AS "table",
        ARRAY(SELECT p FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) AS p
              WHERE has_table_privilege(current_user, format('public.%I', t.tablename), p)) AS privileges
      FROM pg_tables t WHERE t.schemaname = 'public' ORDER BY 1`;
    const granted = Object.fromEntries(rows.map((r) => [r.table, r.privileges]));
    expect(Object.keys(granted).filter((table) => !(table in APP_PRIVILEGES))).toEqual([]);
    for (const [table, privileges] of Object.entries(granted)) {
      expect(privileges, table).toEqual([...(APP_PRIVILEGES[table] ?? [])]);
    }
    expect(granted.audit_entry).toEqual(["SELECT", "INSERT"]);
  });

  it("cannot switch triggers off, run programs, or create objects", async () => {
    await expect(db().$executeRawUnsafe("SET session_replication_role = replica")).rejects.toThrow(/permission denied/);
    await expect(db().$executeRawUnsafe("COPY (SELECT 1) TO PROGRAM 'true'")).rejects.toThrow(
      /permission denied|must be superuser|pg_execute_server_program/,
    );
    await expect(db().$executeRawUnsafe(`CREATE TABLE ${uniqueId("t").replace("-", "_")} (x int)`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(db().$executeRawUnsafe("ALTER TABLE attempt DISABLE ROW LEVEL SECURITY")).rejects.toThrow(
      /must be owner/,
    );
  });

  it("leaves the owner able to migrate, and subject to row security only if it lacks BYPASSRLS", async () => {
    const owner = await asRole(ownerUrl(), async (client) => {
      const { rows } = await client.query<{ rolbypassrls: boolean }>(
        "SELECT rolbypassrls FROM pg_roles WHERE rolname = current_user",
      );
      return rows[0]!;
    });
    expect(owner.rolbypassrls).toBe(true);
  });
});
