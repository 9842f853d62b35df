// One throwaway PostgreSQL per integration run: an embedded cluster in a temporary folder,
// or, when DATABASE_URL is set, a fresh database on that server. Removed afterwards.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openEmbeddedDatabase } from "../../src/server/runtime/database-runtime";
import { applyMigrations } from "../../src/server/runtime/migrations";

export default async function setup() {
  const server = process.env.DATABASE_URL;
  if (server) return createThrowawayDatabaseOn(server);

  const dir = mkdtempSync(path.join(tmpdir(), "outcome-ledger-it-"));
  chmodSync(dir, 0o755); // the embedded cluster runs as the postgres user when we are root
  const database = await openEmbeddedDatabase(dir, () => {}, { persistent: false });
  await applyMigrations(database.url);
  process.env.DATABASE_URL = database.url;
  return async () => {
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

async function createThrowawayDatabaseOn(serverUrl: string) {
  const name = `outcome_ledger_test_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString());
  process.env.DATABASE_URL = url.toString();
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
}
