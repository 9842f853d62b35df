// Runs the registry's jobs on graphile-worker, a job queue in PostgreSQL. Every app instance
// starts one runner; the database, not the instances, decides who runs what:
// - each cron instant is scheduled once across all instances: graphile-worker records the last
//   instant it scheduled per job (known_crontabs) and only the instance whose upsert moves it
//   forward adds the job, in the same statement;
// - each job is taken by one worker (SELECT … FOR UPDATE SKIP LOCKED);
// - a failure is recorded with its error in our run log and retried with exponential backoff
//   until the job's maxAttempts.
// The queue decides when a job runs; the job asks the clock (clock.ts) what is due.
import { parseCronItems, type Runner, run, type Task, type TaskList } from "graphile-worker";
import pg from "pg";
import { JOB_QUEUE_SCHEMA } from "@/server/runtime/job-queue-schema";
import { recordRunFailed, recordRunStarted, recordRunSucceeded } from "@/server/services/jobs/job-run-log";
import { quietQueueLogger } from "./queue-logger";
import { EVERY_MINUTE, JOBS, type ScheduledJob } from "./registry";

export interface JobQueueOptions {
  databaseUrl: string;
  /** The jobs to run (tests pass their own); the registry's by default. */
  jobs?: readonly ScheduledJob[];
  /** Jobs one instance runs at once. One keeps the registry's order within an instance. */
  concurrency?: number;
  /** How often an idle worker looks for jobs, besides LISTEN/NOTIFY (ms). */
  pollInterval?: number;
  /** Tests only: how far back missed schedules are scheduled at start-up (ms). In production
   *  a missed minute is not run late: the next run does what is due. */
  backfillPeriod?: number;
  /** Queue one run of each minute's job at once, as an instance starts, rather than at the
   *  next minute (the first minute of a fresh `npm start` would otherwise do nothing). */
  runMinuteJobsAtStart?: boolean;
}

export interface JobQueue {
  stop(): Promise<void>;
}

/** The payload graphile-worker gives a job it scheduled from cron. */
interface JobPayload {
  _cron?: { ts: string; backfilled?: boolean };
  startUp?: boolean;
}

function taskFor(job: ScheduledJob): Task {
  return async (payload, helpers) => {
    const cron = (payload as JobPayload | null)?._cron;
    const startUp = (payload as JobPayload | null)?.startUp === true;
    const runId = await recordRunStarted({
      job: job.id,
      queueJobId: helpers.job.id,
      trigger: cron ? "schedule" : startUp ? "start-up" : "manual",
      scheduledFor: cron ? new Date(cron.ts) : null,
      attempt: helpers.job.attempts,
      maxAttempts: helpers.job.max_attempts,
    });
    try {
      await job.run();
    } catch (error) {
      await recordRunFailed(runId, error);
      throw error; // the queue retries it with backoff
    }
    await recordRunSucceeded(runId);
  };
}

export async function startJobQueue({
  databaseUrl,
  jobs = JOBS,
  concurrency = 1,
  pollInterval = 2_000,
  backfillPeriod = 0,
  runMinuteJobsAtStart = false,
}: JobQueueOptions): Promise<JobQueue> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency + 3 });
  const taskList: TaskList = Object.fromEntries(jobs.map((job) => [job.id, taskFor(job)]));
  const parsedCronItems = parseCronItems(
    jobs.map((job, index) => ({
      task: job.id,
      identifier: job.id,
      match: job.cron,
      options: { backfillPeriod, maxAttempts: job.maxAttempts, priority: index },
    })),
  );
  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      schema: JOB_QUEUE_SCHEMA,
      taskList,
      parsedCronItems,
      concurrency,
      pollInterval,
      logger: quietQueueLogger,
      // The app stops the queue itself (instrumentation.ts, tests), then its connections.
      noHandleSignals: true,
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  if (runMinuteJobsAtStart) {
    // The job key makes instances starting together queue one run between them.
    for (const [index, job] of jobs.entries()) {
      if (job.cron !== EVERY_MINUTE) continue;
      await pool.query(
        `SELECT graphile_worker.add_job($1, '{"startUp": true}'::json, max_attempts => $2, job_key => $3, priority => $4)`,
        [job.id, job.maxAttempts, `start-up:${job.id}`, index],
      );
    }
  }
  let stopped: Promise<void> | null = null;
  return {
    stop() {
      stopped ??= (async () => {
        await runner.stop(); // waits for the jobs in progress, then releases its locks
        await pool.end();
      })();
      return stopped;
    },
  };
}

/**
 * The app instance's runner (instrumentation.ts): started once per process, and stopped on
 * SIGTERM/SIGINT, finishing the job in progress so that none stays locked.
 */
export async function joinJobQueue(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  const global = globalThis as unknown as { outcomeLedgerJobQueue?: Promise<JobQueue> };
  if (!databaseUrl || global.outcomeLedgerJobQueue) return;
  global.outcomeLedgerJobQueue = startJobQueue({ databaseUrl, runMinuteJobsAtStart: true });
  const queue = await global.outcomeLedgerJobQueue;
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void queue.stop());
}
