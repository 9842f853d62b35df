// Options of `npm run bench:ingest`, from flags (`--events=N` or `--events N`) or the
// environment (EVENTS=N); flags win.
import { parseArgs } from "node:util";

export type RetryMode = "batch" | "mixed";

export interface BenchOptions {
  /** Distinct events to send. */
  events: number;
  /** Concurrent clients, each with its own keep-alive connection. */
  concurrency: number;
  /** Events per request. */
  batch: number;
  /** Share of the distinct events sent a second time (0.1 = 10 %). */
  retryShare: number;
  /** "batch": whole requests resent after their first send; "mixed": resent events mixed into later requests. */
  retryMode: RetryMode;
  /** Port of the app under test; 0 picks a free one. */
  port: number;
  /** Events per second the run should reach (reported, not enforced by the exit code). */
  target: number;
  /** Seed of the workload's random choices, for a reproducible workload. */
  seed: number;
  /** Print every line the app writes, not only its start-up banner lines. */
  verbose: boolean;
  /** Rounds of `concurrency` requests that all carry an event of the same `batch` new subjects (issue 18); no resends. */
  sameSubject: boolean;
  /** Row-level security switched off by the owner before the load, to measure what the policies cost. */
  withoutRowSecurity: boolean;
}

export const USAGE = `Usage: npm run bench:ingest -- [options]   (or the environment variables in brackets)
  --events N        distinct events to send (EVENTS, default 200000)
  --concurrency N   concurrent clients (CONCURRENCY, default 4)
  --batch N         events per request, at most 1000 (BATCH, default 500)
  --retry-share X   share of the events resent as retries (RETRY_SHARE, default 0.1)
  --retry-mode M    batch: whole requests resent; mixed: resends mixed into later requests (RETRY_MODE, default batch)
  --port N          port of the app under test (BENCH_PORT, default: a free port)
  --target N        events/s to reach (BENCH_TARGET, default 5000)
  --seed N          seed of the workload (BENCH_SEED, default random)
  --same-subject    rounds of CONCURRENCY simultaneous requests, each with one event of the same BATCH new
                    subjects, so every new attempt is created by racing transactions; no resends
                    (SAME_SUBJECT=1). Every request must answer 200: the report counts 5xx answers
  --without-row-security
                    switch row-level security off (as the owner) before the load, to compare a run
                    with and without the policies on the same machine (ROW_SECURITY=off)
  --verbose         print all of the app's output`;

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      events: { type: "string" },
      concurrency: { type: "string" },
      batch: { type: "string" },
      "retry-share": { type: "string" },
      "retry-mode": { type: "string" },
      port: { type: "string" },
      target: { type: "string" },
      seed: { type: "string" },
      verbose: { type: "boolean" },
      "same-subject": { type: "boolean" },
      "without-row-security": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return "help";
  const retryMode = values["retry-mode"] ?? env.RETRY_MODE ?? "batch";
  if (retryMode !== "batch" && retryMode !== "mixed")
    throw new Error(`--retry-mode is batch or mixed, not "${retryMode}".`);
  const options: BenchOptions = {
    events: integer("events", values.events ?? env.EVENTS, 200_000, 1),
    concurrency: integer("concurrency", values.concurrency ?? env.CONCURRENCY, 4, 1),
    batch: integer("batch", values.batch ?? env.BATCH, 500, 1),
    retryShare: share(values["retry-share"] ?? env.RETRY_SHARE, 0.1),
    retryMode,
    port: integer("port", values.port ?? env.BENCH_PORT, 0, 0),
    target: integer("target", values.target ?? env.BENCH_TARGET, 5_000, 0),
    seed: integer("seed", values.seed ?? env.BENCH_SEED, Math.floor(Math.random() * 2 ** 31), 0),
    verbose: values.verbose ?? env.BENCH_VERBOSE === "1",
    sameSubject: values["same-subject"] ?? env.SAME_SUBJECT === "1",
    withoutRowSecurity: values["without-row-security"] ?? env.ROW_SECURITY === "off",
  };
  if (options.sameSubject) options.retryShare = 0;
  if (options.batch > 1_000) throw new Error("--batch is at most 1000 (the API's limit per request).");
  return options;
}

function integer(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw.replaceAll("_", ""));
  if (!Number.isInteger(value) || value < min)
    throw new Error(`--${name} must be a whole number ≥ ${min}, not "${raw}".`);
  return value;
}

function share(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new Error(`--retry-share is from 0 to 1, not "${raw}".`);
  return value;
}
