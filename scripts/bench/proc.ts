// Reading Linux /proc: the processes descending from one pid (PostgreSQL's backends make
// themselves session leaders, so a process group does not hold them all), with their CPU time.
import { readdirSync, readFileSync } from "node:fs";

export interface ProcInfo {
  pid: number;
  ppid: number;
  name: string;
  /** user + system CPU, in clock ticks (1/100 s). */
  ticks: number;
}

/** A process, or with `thread` one of its threads (the main thread's id is the pid). */
export function readProc(pid: number, thread?: number): ProcInfo | null {
  try {
    const stat = readFileSync(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`, "utf8");
    const close = stat.lastIndexOf(")");
    const name = stat.slice(stat.indexOf("(") + 1, close);
    // After the name: state(0) ppid(1) pgrp(2) … utime(11) stime(12)
    const fields = stat.slice(close + 2).split(" ");
    return { pid, ppid: Number(fields[1]), name, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // ended meanwhile, or not Linux
  }
}

/** The root and every process descending from it. */
export function processTree(root: number): ProcInfo[] {
  let pids: number[] = [];
  try {
    pids = readdirSync("/proc")
      .filter((d) => /^\d+$/.test(d))
      .map(Number);
  } catch {
    return [];
  }
  const all = pids.map((pid) => readProc(pid)).filter((p): p is ProcInfo => p !== null);
  const children = new Map<number, ProcInfo[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const tree: ProcInfo[] = [];
  const rootInfo = all.find((p) => p.pid === root);
  if (!rootInfo) return [];
  const queue = [rootInfo];
  while (queue.length > 0) {
    const p = queue.shift()!;
    tree.push(p);
    queue.push(...(children.get(p.pid) ?? []));
  }
  return tree;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
