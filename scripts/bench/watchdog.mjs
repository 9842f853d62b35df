// Cleans up after `npm run bench:ingest` when it cannot: started beside the app in a session of
// its own, it waits for the bench process to end, then stops the app's process group and its
// PostgreSQL (fast shutdown, then immediate, then kill) and removes DATA_DIR. Covers a bench
// killed outright, e.g. by tsx's signal relay (SIGKILL when the child answers Ctrl-C late).
//   node scripts/bench/watchdog.mjs <bench pid> <app process group> <DATA_DIR>
// BENCH_WATCHDOG_LOG=<file> makes it note what it did there.
import { appendFileSync, existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const [benchPid, pgid] = process.argv.slice(2, 4).map(Number);
const dataDir = process.argv[4];
const logFile = process.env.BENCH_WATCHDOG_LOG;
const log = (line) => logFile && appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function signal(pid, name) {
  try {
    process.kill(pid, name);
  } catch {
    // gone already
  }
}

function postmaster() {
  try {
    const pid = Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

async function waitUntil(done, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (done()) return true;
    await sleep(200);
  }
  return done();
}

const appGone = () => !alive(-pgid) && postmaster() === null;

for (;;) {
  if (appGone() && !existsSync(dataDir)) {
    log("the bench cleaned up itself");
    process.exit(0);
  }
  if (!alive(benchPid)) break;
  await sleep(500);
}
const pm = postmaster();
log(`bench ${benchPid} is gone; stopping group ${pgid} and postmaster ${pm}`);
signal(-pgid, "SIGINT");
if (pm !== null) signal(pm, "SIGINT");
if (!(await waitUntil(appGone, 60_000))) {
  log("not stopped within 60 s: SIGKILL group, SIGQUIT postmaster");
  signal(-pgid, "SIGKILL");
  if (pm !== null) signal(pm, "SIGQUIT");
  if (!(await waitUntil(() => pm === null || !alive(pm), 10_000)) && pm !== null) signal(pm, "SIGKILL");
}
await waitUntil(() => pm === null || !alive(pm), 5_000);
rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
log(`removed ${dataDir}`);
