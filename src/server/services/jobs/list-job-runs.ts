// The Jobs page: each job of the registry with its recent runs (newest first), its last
// failure with the error, and what the queue still holds for it (waiting, or retrying after a
// failure). Durations come from the run log's clock instants.
import { db } from "@/server/db";
import { JOBS, type ScheduledJob } from "@/server/jobs/registry";

export const RECENT_RUNS_PER_JOB = 10;

export interface JobRunView {
  id: string;
  trigger: string;
  scheduledFor: Date | null;
  attempt: number;
  maxAttempts: number;
  outcome: "running" | "succeeded" | "failed";
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
}

export interface JobView {
  id: string;
  label: string;
  cadence: string;
  runs: JobRunView[];
  lastFailure: JobRunView | null;
  /** Runs the queue holds for the job: waiting, or waiting to be retried. */
  queued: { waiting: number; retrying: number; nextRetryAt: Date | null };
}

type RunRow = Awaited<ReturnType<typeof loadRuns>>[number];

function loadRuns(job: string, onlyFailed = false) {
  return db().jobRun.findMany({
    where: { job, ...(onlyFailed ? { outcome: "failed" } : {}) },
    orderBy: [{ startedAt: "desc" }, { attempt: "desc" }],
    take: onlyFailed ? 1 : RECENT_RUNS_PER_JOB,
  });
}

function view(run: RunRow): JobRunView {
  return {
    id: run.id,
    trigger: run.trigger,
    scheduledFor: run.scheduledFor,
    attempt: run.attempt,
    maxAttempts: run.maxAttempts,
    outcome: run.outcome as JobRunView["outcome"],
    error: run.error,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
  };
}

export async function listJobRuns(jobs: readonly ScheduledJob[] = JOBS): Promise<JobView[]> {
  const queued = await db().$queryRaw<{ job: string; waiting: number; retrying: number; nextRetryAt: Date | null }[]>`
    SELECT task_identifier AS job,
      count(*) FILTER (WHERE attempts = 0)::int AS waiting,
      count(*) FILTER (WHERE attempts > 0 AND attempts < max_attempts)::int AS retrying,
      min(run_at) FILTER (WHERE attempts > 0 AND attempts < max_attempts) AS "nextRetryAt"
    FROM graphile_worker.jobs GROUP BY task_identifier`;
  const queuedByJob = new Map(queued.map((row) => [row.job, row]));
  return Promise.all(
    jobs.map(async (job) => {
      const [runs, [lastFailure]] = await Promise.all([loadRuns(job.id), loadRuns(job.id, true)]);
      const inQueue = queuedByJob.get(job.id);
      return {
        id: job.id,
        label: job.label,
        cadence: job.cadence,
        runs: runs.map(view),
        lastFailure: lastFailure ? view(lastFailure) : null,
        queued: {
          waiting: inQueue?.waiting ?? 0,
          retrying: inQueue?.retrying ?? 0,
          nextRetryAt: inQueue?.nextRetryAt ?? null,
        },
      };
    }),
  );
}
