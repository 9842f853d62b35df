// A database of the calling test file's own, for rules about the whole deployment (such as
// "the last active admin") that tests in other files, running at the same time on the
// shared database, would disturb. Created on the same server, migrated, dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { disconnectDb } from "@/server/db";
import { applyMigrations } from "@/server/runtime/migrations";

export function withOwnDatabase(): void {
  const shared = process.env.DATABASE_URL!;
  const name = `outcome_ledger_own_${randomBytes(4).toString("hex")}`;
  const run = async (sql: string) => {
    const admin = new pg.Client({ connectionString: shared });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };

  beforeAll(async () => {
    await run(`CREATE DATABASE "${name}"`);
    const url = new URL(shared);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    await disconnectDb();
    process.env.DATABASE_URL = url.toString();
  }, 120_000);

  afterAll(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = shared;
    await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
