// Figures and the verdict, printed plainly.
import { availableParallelism } from "node:os";
import type { CpuReport } from "./cpu";
import type { LoadResult } from "./load";
import type { BenchOptions } from "./options";
import type { Check } from "./verify";
import type { Workload } from "./workload";

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const n = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function latencyLine(label: string, ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  if (sorted.length === 0) return `  ${label.padEnd(26)} (none)`;
  return `  ${label.padEnd(26)} p50 ${n(percentile(sorted, 50))} ms   p95 ${n(percentile(sorted, 95))} ms   p99 ${n(
    percentile(sorted, 99),
  )} ms   max ${n(sorted.at(-1)!)} ms   (${sorted.length} requests)`;
}

/** "200: 400, 409: 1, 500: 2 (5xx: 2)": every status received, and how many were server errors. */
function httpAnswers(load: LoadResult): string {
  const byStatus = new Map<number, number>();
  for (const o of load.outcomes) byStatus.set(o.httpStatus, (byStatus.get(o.httpStatus) ?? 0) + 1);
  const statuses = [...byStatus.entries()].sort(([a], [b]) => a - b);
  const serverErrors = load.outcomes.filter((o) => o.httpStatus >= 500).length;
  return `${statuses.map(([status, count]) => `${status === 0 ? "no answer" : status}: ${n(count)}`).join(", ")}   (5xx: ${n(serverErrors)})`;
}

export function printReport({
  options,
  workload,
  load,
  cpu,
  checks,
}: {
  options: BenchOptions;
  workload: Workload;
  load: LoadResult;
  cpu: CpuReport;
  checks: Check[];
}): { correct: boolean; fastEnough: boolean } {
  const seconds = load.wallMs / 1000;
  const eventsPerSecond = workload.distinctEvents / seconds;
  const sentPerSecond = (workload.distinctEvents + workload.resentEvents) / seconds;
  const requestsPerSecond = workload.requests.length / seconds;
  const correct = checks.every((c) => c.ok);
  const fastEnough = eventsPerSecond >= options.target;
  const firsts = load.outcomes.filter((o) => o.kind === "first").map((o) => o.ms);
  const retries = load.outcomes.filter((o) => o.kind === "retry").map((o) => o.ms);

  const cpus = availableParallelism();
  const appCores = cpu.byName.reduce((sum, p) => sum + p.cores, 0);
  const ours = appCores + cpu.benchCores;
  const lines = [
    "",
    "═══ Outcome Ledger ingest benchmark ═══",
    `  workload                   ${n(workload.distinctEvents)} distinct events for ${n(workload.subjects)} subjects, ~${n(workload.averageEventBytes)} bytes each`,
    `  requests                   ${n(workload.requests.length)} × ≤${options.batch} events (~${n(workload.averageBodyBytes / 1024)} KiB), ${options.concurrency} concurrent clients`,
    options.sameSubject
      ? `  same subjects              rounds of ${options.concurrency} simultaneous requests, each with an event of the same ${n(options.batch)} new subjects (${n(workload.distinctEvents / workload.subjects, 1)} events per subject); no resends`
      : `  retries                    ${n(workload.resentEvents)} events resent (${n((100 * workload.resentEvents) / workload.distinctEvents, 1)} %), mode "${options.retryMode}": ${
          options.retryMode === "batch"
            ? "whole requests resent after their first send completed"
            : "resent events mixed into later requests"
        }`,
    "",
    `  load phase                 ${n(seconds, 1)} s`,
    `  HTTP answers               ${httpAnswers(load)}`,
    `  throughput                 ${n(eventsPerSecond)} distinct events/s   (${n(sentPerSecond)} events/s incl. resends, ${n(requestsPerSecond, 1)} requests/s)`,
    latencyLine(
      "latency, all requests",
      load.outcomes.map((o) => o.ms),
    ),
    latencyLine("latency, first sends", firsts),
    ...(retries.length > 0 ? [latencyLine("latency, whole resends", retries)] : []),
    `  CPU (cores, average)       ${[...cpu.byName.map((p) => `${p.name} ${n(p.cores, 2)}`), `bench client ${n(cpu.benchCores, 2)}`].join(", ")}`,
    `  CPU per distinct event     ${[...cpu.byName.map((p) => `${p.name} ${n((p.cores * 1e6) / eventsPerSecond)} µs`), `all ${n((appCores * 1e6) / eventsPerSecond)} µs`].join(", ")}`,
    ...(cpu.nextMainThread === null
      ? []
      : [
          `  next-server main thread    ${n(100 * cpu.nextMainThread)} % of one core, ${n((cpu.nextMainThread * 1e6) / eventsPerSecond)} µs per event (the JavaScript runs on this one thread)`,
        ]),
    `  CPU-bound ceiling (est.)   ≈ ${n((cpus * eventsPerSecond) / ours)} events/s with all ${cpus} cores to the app and this client${
      cpu.nextMainThread
        ? `; ≈ ${n(eventsPerSecond / cpu.nextMainThread)} events/s while one next-server thread runs all the JavaScript`
        : ""
    }`,
    ...(cpu.machineBusyShare === null
      ? []
      : [
          `  machine (${cpus} cores)         ${n(100 * cpu.machineBusyShare)} % busy; other processes used ~${n(
            Math.max(0, cpu.machineBusyShare * cpus - ours),
            2,
          )} cores; ${n(100 * (cpu.stealShare ?? 0), 1)} % stolen by other guests`,
        ]),
    "",
    "  checks",
    ...checks.map(
      (c) => `    ${c.ok ? "ok  " : "FAIL"}  ${c.name}: ${c.actual}${c.ok ? "" : ` (expected ${c.expected})`}`,
    ),
  ];
  const failed = load.outcomes.filter((o) => o.error !== undefined || o.mismatches.length > 0);
  if (failed.length > 0) {
    lines.push("", `  first problems (${failed.length} requests):`);
    for (const o of failed.slice(0, 5)) {
      lines.push(
        `    request ${o.index} (${o.kind}): ${o.error ?? `${o.mismatches.length} items: ${o.mismatches.slice(0, 3).join(" | ")}`}`,
      );
    }
  }
  lines.push(
    "",
    `  CORRECTNESS: ${correct ? "PASS — no event lost or duplicated" : "FAIL — see the checks above"}`,
    `  SPEED:       ${fastEnough ? "MET" : "NOT MET"} — ${n(eventsPerSecond)} events/s against the target of ≥ ${n(options.target)} events/s`,
    "",
  );
  console.log(lines.join("\n"));
  return { correct, fastEnough };
}
