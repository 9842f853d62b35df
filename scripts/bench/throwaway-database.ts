// A fresh embedded PostgreSQL for one benchmark run, migrated, set as DATABASE_URL, and
// removed afterwards whatever happens.
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { disconnectDb } from "../../src/server/db";
import { openEmbeddedDatabase } from "../../src/server/runtime/database-runtime";
import { migrateDatabase } from "../../src/server/runtime/prepare-database";

export async function withThrowawayDatabase(
  name: string,
  log: (line: string) => void,
  run: (database: { url: string; migrationUrl: string }) => Promise<void>,
) {
  const dir = mkdtempSync(path.join(tmpdir(), `outcome-ledger-${name}-`));
  chmodSync(dir, 0o755); // the embedded cluster runs as the postgres user when we are root
  const database = await openEmbeddedDatabase(dir, log, { persistent: false });
  try {
    await migrateDatabase(database);
    process.env.DATABASE_URL = database.url;
    await run(database);
  } finally {
    await disconnectDb();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The p-th percentile of a list of timings. */
export const percentileOf = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
