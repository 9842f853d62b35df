// One throwaway PostgreSQL per integration run: an embedded cluster in a temporary folder,
// or, when DATABASE_URL is set, a fresh database (and fresh roles) on that server. Removed
// afterwards. The tests connect as the least-privileged app role, as the app does; the
// owner's URL (MIGRATION_DATABASE_URL) and a superuser's (TEST_SUPERUSER_DATABASE_URL) are
// there for tests that prove what those roles can and cannot do.
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { provisionRoles } from "../../src/server/runtime/database-roles";
import { openEmbeddedDatabase } from "../../src/server/runtime/database-runtime";
import { migrateDatabase } from "../../src/server/runtime/prepare-database";

export default async function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), "outcome-ledger-it-"));
  chmodSync(dir, 0o755); // the embedded cluster runs as the postgres user when we are root
  // Secrets and the audit anchor of the run live in its folder, never in a developer's .data.
  process.env.DATA_DIR = dir;
  process.env.AUDIT_CHECKPOINT_KEY = randomBytes(32).toString("base64url");
  const server = process.env.DATABASE_URL;
  const stop = server ? await createThrowawayDatabaseOn(server) : await startEmbedded(dir);
  return async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

async function startEmbedded(dir: string) {
  const database = await openEmbeddedDatabase(dir, () => {}, { persistent: false });
  await migrateDatabase(database);
  const superuser = JSON.parse(readFileSync(path.join(dir, "pg-credentials.json"), "utf8")) as {
    user: string;
    password: string;
  };
  const superuserUrl = new URL(database.url);
  superuserUrl.username = superuser.user;
  superuserUrl.password = encodeURIComponent(superuser.password);
  process.env.DATABASE_URL = database.url;
  process.env.MIGRATION_DATABASE_URL = database.migrationUrl;
  process.env.TEST_SUPERUSER_DATABASE_URL = superuserUrl.toString();
  return () => database.stop();
}

/** A database and two roles of its own on the server DATABASE_URL names (a superuser's). */
async function createThrowawayDatabaseOn(serverUrl: string) {
  const suffix = randomBytes(4).toString("hex");
  const name = `outcome_ledger_test_${suffix}`;
  const roles = {
    owner: { name: `ol_test_${suffix}_owner`, password: randomBytes(18).toString("base64url") },
    app: { name: `ol_test_${suffix}_app`, password: randomBytes(18).toString("base64url") },
  };
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const urlFor = (user?: { name: string; password: string }) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    if (user) {
      url.username = user.name;
      url.password = encodeURIComponent(user.password);
    }
    return url.toString();
  };
  await provisionRoles(urlFor(), roles);
  const database = { url: urlFor(roles.app), migrationUrl: urlFor(roles.owner) };
  await migrateDatabase(database);
  process.env.DATABASE_URL = database.url;
  process.env.MIGRATION_DATABASE_URL = database.migrationUrl;
  process.env.TEST_SUPERUSER_DATABASE_URL = urlFor();
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    for (const role of [roles.app.name, roles.owner.name]) await admin.query(`DROP ROLE IF EXISTS "${role}"`);
    await admin.end();
  };
}
