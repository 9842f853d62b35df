// `npm run bench:ingest`: starts the app on a fresh embedded database, creates an API key, a
// customer and a definition of its own, sends the workload (≥ 200,000 distinct events in
// batches, with resends) from concurrent keep-alive clients, prints events/s and batch
// latency, checks the stored counts exactly, then stops the app and removes its data.
// Exit codes: 0 counts exact (whether or not the speed target was met), 1 a count or status
// differs, 2 the benchmark could not run. Options: `npm run bench:ingest -- --help`.
import { randomBytes } from "node:crypto";
import { clock } from "../src/server/clock";
import { db, disconnectDb } from "../src/server/db";
import { freePort, openDatabase } from "../src/server/runtime/database-runtime";
import { checkpointAuditChain } from "../src/server/services/audit/checkpoint-audit-chain";
import { upsertCustomer } from "../src/server/services/customers/upsert-customer";
import { type AppProcess, interruption, startAppWhenBuildFree } from "./bench/app-process";
import { cpuBetween, snapshotCpu } from "./bench/cpu";
import { runLoad } from "./bench/load";
import { type BenchOptions, parseOptions, USAGE } from "./bench/options";
import { printReport } from "./bench/report";
import { setRowSecurity } from "./bench/row-security";
import { buildSameSubjectWorkload } from "./bench/same-subject-workload";
import { type BenchFixture, benchActor, createFixture } from "./bench/setup";
import { verify } from "./bench/verify";
import { buildWorkload } from "./bench/workload";

const log = (line: string) => console.log(`[bench] ${line}`);
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function run(options: BenchOptions): Promise<number> {
  const port = options.port || (await freePort());
  log(
    `${options.events.toLocaleString("en-US")} events, batches of ${options.batch}, ${options.concurrency} clients, ` +
      (options.sameSubject
        ? `every round of ${options.concurrency} requests on the same ${options.batch} new subjects, seed ${options.seed}.`
        : `${options.retryShare * 100} % resent (${options.retryMode}), seed ${options.seed}.`),
  );
  log(`Starting the app on a fresh embedded database (port ${port}; the first start may build the app)…`);
  let started = performance.now();
  let app: AppProcess | null = null;
  try {
    app = await startAppWhenBuildFree({ root: process.cwd(), port, verbose: options.verbose });
    log(`The app is up in ${seconds(started)} (DATA_DIR ${app.dataDir}).`);

    // Join the app's embedded cluster to create the fixture and to check the counts.
    process.env.DATA_DIR = app.dataDir;
    delete process.env.DATABASE_URL;
    const database = await openDatabase();
    process.env.DATABASE_URL = database.url;
    if (options.withoutRowSecurity) {
      const tables = await setRowSecurity(database.migrationUrl, false);
      log(`Row-level security switched off on ${tables} tables (--without-row-security).`);
    }
    const tag = randomBytes(4).toString("hex");
    const fixture = await createFixture(tag);
    log(`Created API key, customer ${fixture.customerExternalId} and definition ${fixture.definitionKey}.`);

    started = performance.now();
    const target = { ...options, customer: fixture.customerExternalId, definition: fixture.definitionKey };
    const workload = options.sameSubject ? buildSameSubjectWorkload(target) : buildWorkload(target);
    log(
      `Prepared ${workload.requests.length} requests (${workload.distinctEvents.toLocaleString("en-US")} distinct + ` +
        `${workload.resentEvents.toLocaleString("en-US")} resent events) in ${seconds(started)}.`,
    );

    await warmUp(app.baseUrl, fixture, tag, options);

    log(`Load phase: ${options.concurrency} clients…`);
    const before = snapshotCpu(app.pgid);
    let reported = 0;
    const load = await runLoad({
      baseUrl: app.baseUrl,
      apiKey: fixture.apiKey,
      requests: workload.requests,
      concurrency: options.concurrency,
      signal: interruption.signal,
      onProgress: (done, total) => {
        const tenth = Math.floor((10 * done) / total);
        if (tenth > reported) {
          reported = tenth;
          log(`  ${tenth * 10} % of the requests answered (${seconds(before.at)})`);
        }
      },
    });
    const cpu = cpuBetween(before, snapshotCpu(app.pgid));
    if (interruption.signal.aborted) return 130;

    await reportCheckpoints(before.at);
    log("Checking the stored counts…");
    const checks = await verify(fixture, workload, load);
    const { correct } = printReport({ options, workload, load, cpu, checks });
    return correct ? 0 : 1;
  } catch (error) {
    if (interruption.signal.aborted) return 130;
    console.error(`[bench] Could not run the benchmark: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await disconnectDb().catch(() => {});
    await app?.stop();
  }
}

/**
 * The audit checkpoints the app's scheduler took during the load (one a minute at most), and
 * what one costs: a checkpoint of the chain's head taken here, as the scheduler would.
 */
async function reportCheckpoints(loadStartedAt: number): Promise<void> {
  const since = new Date(clock.now().getTime() - (performance.now() - loadStartedAt));
  const taken = await db().auditCheckpoint.count({ where: { createdAt: { gte: since } } });
  const started = performance.now();
  const { checkpoint } = await checkpointAuditChain();
  log(
    `Audit checkpoints during the load: ${taken}; one more took ${(performance.now() - started).toFixed(1)} ms` +
      (checkpoint
        ? ` (#${checkpoint.number}, vouching for ${checkpoint.auditSeq} entries).`
        : " (nothing new to vouch for)."),
  );
}

/**
 * A few requests for a customer of their own before measuring, so that the first measured
 * requests do not pay for loading the route, opening connections and warming caches.
 */
async function warmUp(baseUrl: string, fixture: BenchFixture, tag: string, options: BenchOptions): Promise<void> {
  const { customer } = await upsertCustomer({
    actor: benchActor,
    input: { externalId: `bench-${tag}-warmup`, name: `Bench warm-up ${tag}`, currency: "USD", timezone: "UTC" },
  });
  const warm = buildWorkload({
    ...options,
    events: options.concurrency * 2 * 100,
    batch: 100,
    retryShare: 0,
    seed: options.seed + 1,
    customer: customer.externalId,
    definition: fixture.definitionKey,
  });
  const started = performance.now();
  const result = await runLoad({
    baseUrl,
    apiKey: fixture.apiKey,
    requests: warm.requests,
    concurrency: options.concurrency,
  });
  const problem = result.outcomes.find((o) => o.error !== undefined || o.mismatches.length > 0);
  if (problem)
    throw new Error(`Warm-up request failed: ${problem.error ?? problem.mismatches.slice(0, 3).join(" | ")}`);
  log(
    `Warmed up with ${warm.requests.length} requests (${warm.distinctEvents} events, another customer) in ${seconds(started)}.`,
  );
}

let options: BenchOptions | "help";
try {
  options = parseOptions(process.argv.slice(2), process.env);
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
  process.exit(2);
}
if (options === "help") {
  console.log(USAGE);
  process.exit(0);
}
process.exit(await run(options));
