// Where the CPU went during the load phase: the app's processes by name (the supervisor,
// `next-server`, PostgreSQL's postmaster and backends), this bench client, and the machine as
// a whole, with steal time, which shows other guests taking the shared cores.
import { readFileSync } from "node:fs";
import { processTree, readProc } from "./proc";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export interface CpuSnapshot {
  at: number;
  /** CPU ticks (user + system) per pid of the app's process tree, with the process name. */
  tree: Map<number, { name: string; ticks: number }>;
  /** CPU ticks of each next-server's main thread, the one that runs the JavaScript. */
  mainThreads: Map<number, number>;
  self: NodeJS.CpuUsage;
  machine: { busy: number; steal: number; total: number } | null;
}

export interface CpuReport {
  seconds: number;
  /** Average cores used, by process name within the app's tree. */
  byName: { name: string; cores: number }[];
  benchCores: number;
  /** Busiest next-server main (JavaScript) thread: share of one core; near 1 means it is the bottleneck. */
  nextMainThread: number | null;
  machineBusyShare: number | null;
  stealShare: number | null;
}

export function snapshotCpu(appPid: number): CpuSnapshot {
  const tree = new Map<number, { name: string; ticks: number }>();
  const mainThreads = new Map<number, number>();
  for (const p of processTree(appPid)) {
    tree.set(p.pid, { name: groupName(p.name), ticks: p.ticks });
    const main = groupName(p.name) === "next-server" ? readProc(p.pid, p.pid) : null;
    if (main) mainThreads.set(p.pid, main.ticks);
  }
  return { at: performance.now(), tree, mainThreads, self: process.cpuUsage(), machine: machineTicks() };
}

function groupName(name: string): string {
  if (name.startsWith("next-server")) return "next-server";
  if (name === "node") return "node (start.ts supervisor)";
  return name;
}

function machineTicks(): CpuSnapshot["machine"] {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0]!;
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line.trim().split(/\s+/).slice(1).map(Number);
    const busy = user! + nice! + system! + irq! + softirq!;
    return { busy, steal: steal!, total: busy + idle! + iowait! + steal! };
  } catch {
    return null;
  }
}

export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): CpuReport {
  const seconds = (after.at - before.at) / 1000;
  const byName = new Map<string, number>();
  for (const [pid, { name, ticks }] of after.tree) {
    const used = ticks - (before.tree.get(pid)?.ticks ?? 0);
    byName.set(name, (byName.get(name) ?? 0) + used);
  }
  const mainThread = [...after.mainThreads].map(
    ([pid, ticks]) => (ticks - (before.mainThreads.get(pid) ?? 0)) / TICKS_PER_SECOND / seconds,
  );
  const self = (after.self.user + after.self.system - before.self.user - before.self.system) / 1e6;
  const m0 = before.machine;
  const m1 = after.machine;
  const total = m0 && m1 ? m1.total - m0.total : 0;
  return {
    seconds,
    byName: [...byName]
      .map(([name, ticks]) => ({ name, cores: ticks / TICKS_PER_SECOND / seconds }))
      .filter((p) => p.cores >= 0.005)
      .sort((a, b) => b.cores - a.cores),
    benchCores: self / seconds,
    nextMainThread: mainThread.length > 0 ? Math.max(...mainThread) : null,
    machineBusyShare: m0 && m1 && total > 0 ? (m1.busy - m0.busy) / total : null,
    stealShare: m0 && m1 && total > 0 ? (m1.steal - m0.steal) / total : null,
  };
}
