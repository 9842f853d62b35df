// Connections as the database's other roles, for tests that prove what each may do: the
// owner (MIGRATION_DATABASE_URL) and a superuser (TEST_SUPERUSER_DATABASE_URL), both set by
// the global setup. The tests' own db() connects as the least-privileged app role.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";
import { disconnectDb } from "@/server/db";
import { migrateDatabase } from "@/server/runtime/prepare-database";

export const ownerUrl = () => process.env.MIGRATION_DATABASE_URL!;
export const superuserUrl = () => process.env.TEST_SUPERUSER_DATABASE_URL!;

/** Runs `work` on one connection as the role `url` signs in as, then closes it. */
export async function asRole<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const withDatabase = (url: string, name: string) => {
  const copy = new URL(url);
  copy.pathname = `/${name}`;
  return copy.toString();
};

/**
 * Gives the calling test file a database of its own (same cluster, same roles, migrated),
 * for tests that must damage what other files share, such as the audit chain. db() and the
 * role URLs point at it until the file ends.
 */
export function runOnOwnDatabase(): void {
  const name = `outcome_ledger_own_${randomBytes(4).toString("hex")}`;
  const shared = {
    dataDir: process.env.DATA_DIR!,
    app: process.env.DATABASE_URL!,
    owner: process.env.MIGRATION_DATABASE_URL!,
    superuser: process.env.TEST_SUPERUSER_DATABASE_URL!,
  };
  beforeAll(async () => {
    const ownerRole = decodeURIComponent(new URL(shared.owner).username);
    const appRole = decodeURIComponent(new URL(shared.app).username);
    await asRole(shared.superuser, async (client) => {
      await client.query(`CREATE DATABASE "${name}" OWNER "${ownerRole}"`);
    });
    await asRole(withDatabase(shared.superuser, name), async (client) => {
      await client.query(`ALTER SCHEMA public OWNER TO "${ownerRole}"`);
      await client.query("REVOKE ALL ON SCHEMA public FROM PUBLIC");
      await client.query(`GRANT USAGE ON SCHEMA public TO "${appRole}"`);
    });
    await disconnectDb();
    // Its own DATA_DIR too: the audit anchor written there belongs to this database's checkpoints.
    process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), "outcome-ledger-own-"));
    process.env.DATABASE_URL = withDatabase(shared.app, name);
    process.env.MIGRATION_DATABASE_URL = withDatabase(shared.owner, name);
    process.env.TEST_SUPERUSER_DATABASE_URL = withDatabase(shared.superuser, name);
    await migrateDatabase({ url: process.env.DATABASE_URL, migrationUrl: process.env.MIGRATION_DATABASE_URL });
  }, 120_000);
  afterAll(async () => {
    await disconnectDb();
    rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
    process.env.DATA_DIR = shared.dataDir;
    process.env.DATABASE_URL = shared.app;
    process.env.MIGRATION_DATABASE_URL = shared.owner;
    process.env.TEST_SUPERUSER_DATABASE_URL = shared.superuser;
    await asRole(shared.superuser, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  });
}
