// Runs the whole integration suite with the clock pinned at the instants that historically
// break billing code, each in a machine time zone of its own (OUTCOME_LEDGER_NOW and TZ; see
// src/server/clock.ts). `npm run test:instants` runs every instant; `-- --ci` runs the two
// that `npm test` adds to the run at the real time; `-- --only <name>` runs one.
import { spawnSync } from "node:child_process";

interface PinnedRun {
  name: string;
  /** The instant the suite's clock starts at (it ticks from there). */
  now: string;
  /** The machine's time zone for the run: date code must not depend on it. */
  tz: string;
  why: string;
  ci?: boolean;
}

const RUNS: PinnedRun[] = [
  {
    name: "first-0030",
    now: "2027-03-01T00:30:00Z",
    tz: "Asia/Kolkata",
    why: "the 1st at 00:30 UTC (already 06:00 in Kolkata): the new period has nothing billable yet",
    ci: true,
  },
  {
    name: "third",
    now: "2027-03-03T12:00:00Z",
    tz: "UTC",
    why: "the 3rd: outcomes of the month's first 72 hours are still pending",
  },
  { name: "feb-28", now: "2027-02-28T12:00:00Z", tz: "UTC", why: "28 February of a common year: the month's last day" },
  {
    name: "leap-day-last-hour",
    now: "2028-02-29T23:30:00Z",
    tz: "America/New_York",
    why: "29 February, the last hour of the month (still the 29th, 18:30, in New York)",
    ci: true,
  },
  { name: "thirty-first", now: "2027-01-31T18:00:00Z", tz: "UTC", why: "the 31st" },
  {
    name: "month-last-hour",
    now: "2027-04-30T23:30:00Z",
    tz: "Asia/Kolkata",
    why: "the last hour of a 30-day month (already 1 May in Kolkata)",
  },
  {
    name: "dst-start",
    now: "2027-03-14T07:30:00Z",
    tz: "America/New_York",
    why: "the day New York moves its clocks forward (02:00 → 03:00 local, 07:00 UTC)",
  },
  {
    name: "dst-end",
    now: "2027-11-07T06:30:00Z",
    tz: "America/New_York",
    why: "the day New York moves its clocks back (01:00 local happens twice)",
  },
  {
    name: "utc-month-ends-late",
    now: "2027-06-01T02:00:00Z",
    tz: "America/New_York",
    why: "June in UTC, still 31 May in New York",
  },
];

function selectedRuns(args: string[]): PinnedRun[] {
  if (args.includes("--ci")) return RUNS.filter((run) => run.ci);
  const only = args.indexOf("--only");
  if (only >= 0) {
    const name = args[only + 1];
    const run = RUNS.find((r) => r.name === name);
    if (!run) {
      console.error(`No pinned run named "${name}". Known: ${RUNS.map((r) => r.name).join(", ")}`);
      process.exit(2);
    }
    return [run];
  }
  return RUNS;
}

const results: { run: PinnedRun; ok: boolean; seconds: number }[] = [];
for (const run of selectedRuns(process.argv.slice(2))) {
  console.log(`\n=== integration suite at ${run.now} (TZ=${run.tz}): ${run.why}`);
  const started = performance.now();
  const outcome = spawnSync("npx", ["vitest", "run", "--project", "integration"], {
    stdio: "inherit",
    env: { ...process.env, OUTCOME_LEDGER_NOW: run.now, TZ: run.tz },
  });
  results.push({ run, ok: outcome.status === 0, seconds: Math.round((performance.now() - started) / 1000) });
}

console.log("\nIntegration suite at pinned instants:");
for (const { run, ok, seconds } of results) {
  console.log(
    `  ${ok ? "pass" : "FAIL"}  ${run.now}  TZ=${run.tz.padEnd(16)} ${String(seconds).padStart(4)} s  ${run.why}`,
  );
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
