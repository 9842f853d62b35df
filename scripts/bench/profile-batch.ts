// Where the server spends one batch: runs the real `ingestEvents` use case in this process
// (no HTTP, no Next) on a throwaway embedded database, batch after batch, timing every
// database statement it issues (through a Prisma query extension, and the observer of the
// ingestion transaction that runs on pg directly); the rest of the batch's time
// is Node CPU (validation, hashing, merging, evaluation, parameter building). Then replays the
// batch statements with pg directly, plain and under EXPLAIN (ANALYZE, BUFFERS, WAL), to tell
// PostgreSQL's time from Prisma's. Generic on purpose: it follows the use case as it is coded.
//   npx tsx scripts/bench/profile-batch.ts [--batches N] [--batch N]   (ROW_SECURITY=off: policies switched off)
import { randomBytes } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { apiRateLimiter, closeApiRateLimiter } from "../../src/server/api/rate-limit";
import { db, disconnectDb, observeSqlTransactions } from "../../src/server/db";
import { openEmbeddedDatabase } from "../../src/server/runtime/database-runtime";
import { migrateDatabase } from "../../src/server/runtime/prepare-database";
import type { ApiKeyActor } from "../../src/server/services/api-keys/authenticate-api-key";
import { authenticateApiKey } from "../../src/server/services/api-keys/authenticate-api-key";
import { IngestEventInput } from "../../src/server/services/ingestion/ingest-event-schema";
import { contentHashOf, ingestEvents } from "../../src/server/services/ingestion/ingest-events";
import { percentile } from "./report";
import { setRowSecurity } from "./row-security";
import { createFixture } from "./setup";
import { buildWorkload } from "./workload";

const { values } = parseArgs({ options: { batches: { type: "string" }, batch: { type: "string" } } });
const BATCHES = Number(values.batches ?? 20);
const BATCH = Number(values.batch ?? 500);

interface RawSql {
  text: string;
  values: unknown[];
}
interface Statement {
  label: string;
  /** performance.now() when it was sent. */
  start: number;
  ms: number;
  raw?: RawSql;
}

/** Statements of the batch in flight, in order. */
let current: Statement[] = [];
/** When set, INSERTs are explained (on another connection, rolled back) just before they run. */
let explainInserts: ((raw: RawSql) => Promise<void>) | null = null;

function labelOf(model: string | undefined, operation: string, args: unknown): { label: string; raw?: RawSql } {
  const sql = args as { text?: string; values?: unknown[] };
  if (model === undefined && typeof sql?.text === "string") {
    const text = sql.text.replace(/\s+/g, " ").trim();
    const head =
      /^(INSERT INTO \S+|UPDATE \S+|DELETE FROM \S+)/i.exec(text)?.[1] ??
      `SELECT … FROM ${/ FROM (\S+)/i.exec(text)?.[1] ?? "?"}${/FOR UPDATE/i.test(text) ? " … FOR UPDATE" : ""}`;
    const label = /pg_advisory_xact_lock/.test(text) ? "SELECT pg_advisory_xact_lock" : head;
    return {
      label: `${operation === "$executeRaw" ? "execute" : "query"}: ${label}`,
      raw: { text: sql.text, values: sql.values ?? [] },
    };
  }
  return { label: `${model ?? ""}.${operation}` };
}

function instrument() {
  const timed = db().$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const { label, raw } = labelOf(model, operation, args);
        if (raw && explainInserts && /^\s*INSERT/i.test(raw.text)) await explainInserts(raw);
        const started = performance.now();
        try {
          return await query(args);
        } finally {
          current.push({ label, start: started, ms: performance.now() - started, raw });
        }
      },
    },
  });
  // db() hands out this client from now on (it keeps the one client of the process on globalThis).
  (globalThis as unknown as { outcomeLedgerDb: { prisma: unknown } }).outcomeLedgerDb.prisma = timed;
  // The ingestion transaction runs on pg directly: its statements are timed the same way.
  observeSqlTransactions(async (statement, run) => {
    const { label, raw } = labelOf(
      undefined,
      /^\s*(INSERT|UPDATE|DELETE)/i.test(statement.text) && !/RETURNING/i.test(statement.text)
        ? "$executeRaw"
        : "$queryRaw",
      statement,
    );
    if (raw && explainInserts && /^\s*INSERT/i.test(raw.text)) await explainInserts(raw);
    const started = performance.now();
    try {
      return await run();
    } finally {
      current.push({ label, start: started, ms: performance.now() - started, raw });
    }
  });
}

const median = (ms: readonly number[]) =>
  percentile(
    [...ms].sort((a, b) => a - b),
    50,
  );
const fmt = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "outcome-ledger-profile-"));
  chmodSync(dir, 0o755);
  const database = await openEmbeddedDatabase(dir, () => {}, { persistent: false });
  const direct = new pg.Client({ connectionString: database.url });
  try {
    await migrateDatabase(database);
    process.env.DATABASE_URL = database.url;
    process.env.API_RATE_LIMIT_PER_MINUTE = "1000000";
    const fixture = await createFixture(randomBytes(4).toString("hex"));
    await direct.connect();
    await direct.query("SET lock_timeout = '2s'");
    // The replays run as the app does for ingestion: in the provider's row-level-security scope.
    await direct.query("SELECT set_config('outcome_ledger.scope', 'provider', false)");
    if (process.env.ROW_SECURITY === "off") await setRowSecurity(database.migrationUrl, false);
    instrument();

    const workload = buildWorkload({
      events: BATCHES * BATCH,
      batch: BATCH,
      concurrency: 1,
      retryShare: 0,
      retryMode: "batch",
      seed: 42,
      customer: fixture.customerExternalId,
      definition: fixture.definitionKey,
    });
    const bodies = workload.requests.map((r) => r.body);
    const authorization = `Bearer ${fixture.apiKey}`;

    /** What one request costs outside Next: the key, the rate limit, the body, the use case. */
    const oneRequest = async (body: string) => {
      current = [];
      const started = performance.now();
      const actor: ApiKeyActor = await authenticateApiKey({ authorization });
      await apiRateLimiter().consume(actor);
      const parseStarted = performance.now();
      const { events } = JSON.parse(body) as { events: unknown[] };
      const parseMs = performance.now() - parseStarted;
      const result = await ingestEvents({ actor, items: events });
      const committed = performance.now();
      const stringifyStarted = performance.now();
      JSON.stringify(result);
      const stringifyMs = performance.now() - stringifyStarted;
      // Rows every batch of the customer writes (usage counters): held from the first such write to the commit.
      const hot = current.find((st) => /usage_(daily|rollup)/.test(st.label));
      const hotHeldMs = hot ? committed - hot.start : null;
      return { total: performance.now() - started, parseMs, stringifyMs, statements: current, result, hotHeldMs };
    };

    for (const body of bodies.slice(0, 3)) await oneRequest(body); // warm-up: JIT, connections, caches
    const perLabel = new Map<string, number[]>();
    const totals: number[] = [];
    const other: number[] = [];
    const resends: number[] = [];
    const hotHeld: number[] = [];
    let accepted = 0;
    for (const body of bodies.slice(3, -1)) {
      const { total, parseMs, stringifyMs, statements, result, hotHeldMs } = await oneRequest(body);
      accepted += result.summary.accepted;
      if (hotHeldMs !== null) hotHeld.push(hotHeldMs);
      totals.push(total);
      const byLabel = new Map<string, number>();
      for (const s of statements) byLabel.set(s.label, (byLabel.get(s.label) ?? 0) + s.ms);
      byLabel.set("Node: JSON.parse of the body", parseMs);
      byLabel.set("Node: JSON.stringify of the response", stringifyMs);
      for (const [label, ms] of byLabel) perLabel.set(label, [...(perLabel.get(label) ?? []), ms]);
      other.push(total - [...byLabel.values()].reduce((a, b) => a + b, 0));
      resends.push((await oneRequest(body)).total); // the same batch again: every item a duplicate
    }

    // CPU parts in isolation (exported pieces of the use case).
    const items = (JSON.parse(bodies.at(-1)!) as { events: unknown[] }).events;
    const zod: number[] = [];
    const hash: number[] = [];
    for (let i = 0; i < 10; i++) {
      let started = performance.now();
      const inputs = items.map((e) => IngestEventInput.parse(e));
      zod.push(performance.now() - started);
      started = performance.now();
      inputs.forEach(contentHashOf);
      hash.push(performance.now() - started);
    }

    console.log(
      `\nOne request of ${BATCH} new events (~${Math.round(workload.averageEventBytes)} bytes each), median over ${totals.length} requests sent one at a time, in-process (no HTTP, no Next):`,
    );
    const rows = [...perLabel].sort((a, b) => median(b[1]) - median(a[1]));
    for (const [label, ms] of rows)
      console.log(`  ${label.padEnd(66)} ${fmt(median(ms))}  ×${(perLabel.get(label)?.length ?? 0) / totals.length}`);
    console.log(
      `  ${"Node CPU between the statements (validation, hashing, merge, evaluation, params)".padEnd(66)} ${fmt(median(other))}`,
    );
    console.log(`    of which IngestEventInput.parse × ${items.length} (measured alone) ${fmt(median(zod))}`);
    console.log(`    of which contentHashOf × ${items.length} (measured alone)          ${fmt(median(hash))}`);
    console.log(`  ${"= whole request (p50)".padEnd(66)} ${fmt(median(totals))}`);
    console.log(`  ${"the same request again, all duplicates (p50)".padEnd(66)} ${fmt(median(resends))}`);
    if (hotHeld.length > 0) {
      console.log(
        `  ${"per-customer usage rows locked: first usage_* write → commit (p50)".padEnd(66)} ${fmt(median(hotHeld))}` +
          `  → concurrent batches of one customer queue for them: ≤ ~${Math.round((BATCH * 1000) / median(hotHeld))} events/s`,
      );
    }
    console.log(
      `  → one client in series: ~${Math.round((BATCH * 1000) / median(totals))} events/s; ${accepted.toLocaleString("en-US")} events accepted`,
    );

    // The last batch: each INSERT explained just before it runs (rolled back, on another
    // connection), the other batch statements replayed after the commit (rolled back).
    const explained: string[] = [];
    explainInserts = async (raw) => {
      // Batch inserts only: their rows come as arrays or as one JSON document.
      if (!raw.values.some((v) => Array.isArray(v) || (typeof v === "string" && v.length > 1000))) return;
      explained.push(...(await explain(direct, raw)));
    };
    const last = await oneRequest(bodies.at(-1)!);
    explainInserts = null;
    const afterCommit = last.statements.filter(
      (s) => s.raw && !/^\s*INSERT/i.test(s.raw.text) && s.raw.values.some(Array.isArray),
    );
    for (const s of afterCommit) explained.push(...(await explain(direct, s.raw!)));
    const settings = await direct.query(
      "SELECT name, setting, unit FROM pg_settings WHERE name IN ('shared_buffers','synchronous_commit','fsync','max_wal_size','work_mem','server_version') ORDER BY name",
    );
    console.log(`\nPostgreSQL: ${settings.rows.map((r) => `${r.name}=${r.setting}${r.unit ?? ""}`).join(", ")}`);
    console.log(
      "Statement by statement for the last batch: time in the use case (through Prisma, or pg directly in the ingestion transaction), the same SQL with pg directly, and its plan:",
    );
    for (const s of last.statements) {
      if (!s.raw?.values.some(Array.isArray)) continue;
      console.log(`  ${s.label}: ${s.ms.toFixed(1)} ms in the use case`);
    }
    console.log(explained.join("\n"));
  } finally {
    await direct.end().catch(() => {});
    await closeApiRateLimiter();
    await disconnectDb();
    await database.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const clip = (line: string) => (line.length > 150 ? `${line.slice(0, 150)}…` : line);

/** The statement with pg directly, then under EXPLAIN ANALYZE, each in a rolled-back transaction. */
async function explain(client: pg.Client, raw: RawSql): Promise<string[]> {
  const head = raw.text.replace(/\s+/g, " ").trim().slice(0, 60);
  const bytes = JSON.stringify(raw.values).length;
  try {
    await client.query("BEGIN");
    const started = performance.now();
    await client.query(raw.text, raw.values);
    const plain = performance.now() - started;
    await client.query("ROLLBACK");
    await client.query("BEGIN");
    const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, WAL) ${raw.text}`, raw.values);
    await client.query("ROLLBACK");
    return [
      `\n  ${head}… (${(bytes / 1024).toFixed(0)} KiB of parameters): ${plain.toFixed(1)} ms with pg directly`,
      ...plan.rows.map((r: Record<string, string>) => `    ${clip(String(Object.values(r)[0]))}`),
    ];
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    return [`\n  ${head}…: not replayed (${error instanceof Error ? error.message : String(error)})`];
  }
}

await main();
process.exit(0);
