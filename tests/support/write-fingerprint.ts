// What a request wrote, told by comparing the database before and after: per table its exact
// row count and the newest row version (max xmin: every insert and update writes a new row
// version with its own transaction id), and the audit chain's head, in one statement over
// every table. Read by the owner, which row-level security does not hide rows from; exact
// counts need a database of the test file's own (`runOnOwnDatabase()`), so that other files'
// writes do not show.
import pg from "pg";
import { ownerUrl } from "./database-roles";

/** Tables that requests write on their own account, whatever they ask. */
const BOOKKEEPING: Record<string, "skip" | "count only"> = {
  // rate-limiter-flexible counts every request of an API key, refused or not.
  api_rate_limit: "skip",
  // Password checks are counted before the password is verified, and a refusal is what counts.
  sign_in_throttle: "skip",
  // lastUsedAt is written on a key's first request of each minute.
  api_key: "count only",
  _prisma_migrations: "skip",
};

export type Fingerprint = Record<string, string>;

export interface WriteFingerprint {
  take(): Promise<Fingerprint>;
  close(): Promise<void>;
}

export async function openWriteFingerprint(): Promise<WriteFingerprint> {
  const client = new pg.Client({ connectionString: ownerUrl() });
  await client.connect();
  const { rows } = await client.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const parts = rows
    .filter(({ name }) => BOOKKEEPING[name] !== "skip")
    .map(({ name }) => {
      const table = `"${name.replaceAll('"', '""')}"`;
      const version = BOOKKEEPING[name] === "count only" ? "''" : "coalesce(max(xmin::text::bigint), 0)";
      return `SELECT '${name}' AS name, count(*) || ' rows, newest version ' || ${version} AS state FROM ${table}`;
    });
  const statement = [
    ...parts,
    "SELECT 'audit chain head' AS name, 'seq ' || seq || ' ' || hash AS state FROM audit_chain_head",
  ].join("\nUNION ALL\n");
  return {
    async take() {
      const result = await client.query<{ name: string; state: string }>(statement);
      return Object.fromEntries(result.rows.map((r) => [r.name, r.state]));
    },
    close: () => client.end(),
  };
}
