// The run log the queue's task wrapper writes (src/server/jobs/queue.ts): one row per attempt,
// started and finished by the clock, so the Jobs page shows what ran, how long it took and
// why it failed. Not audited: runs are operations, not changes to the ledger (the jobs audit
// their own changes).
import { clock } from "@/server/clock";
import { db } from "@/server/db";

export interface RunStart {
  job: string;
  queueJobId: string;
  trigger: "schedule" | "start-up" | "manual";
  scheduledFor: Date | null;
  attempt: number;
  maxAttempts: number;
}

const ERROR_LIMIT = 4_000;

export async function recordRunStarted(start: RunStart): Promise<string> {
  const { id } = await db().jobRun.create({
    data: { ...start, outcome: "running", startedAt: clock.now() },
    select: { id: true },
  });
  return id;
}

export async function recordRunSucceeded(runId: string): Promise<void> {
  await db().jobRun.update({ where: { id: runId }, data: { outcome: "succeeded", finishedAt: clock.now() } });
}

export async function recordRunFailed(runId: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message || error.name : String(error);
  await db().jobRun.update({
    where: { id: runId },
    data: { outcome: "failed", error: message.slice(0, ERROR_LIMIT), finishedAt: clock.now() },
  });
}
