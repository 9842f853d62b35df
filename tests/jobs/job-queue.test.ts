// The job queue as two app instances meet it: one database, two runners (as two `next start`
// processes would each start one), each scheduled run once; a failure retried with backoff
// and shown, with its error, on the Jobs page's data; Run now / Retry for admins only, audited.

import { parseCronItems } from "graphile-worker";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { type JobQueue, startJobQueue } from "@/server/jobs/queue";
import { JOBS, type ScheduledJob } from "@/server/jobs/registry";
import { listJobRuns } from "@/server/services/jobs/list-job-runs";
import { callerFor, makeCustomer, makeUser, uniqueId } from "../support/fixtures";

const queues: JobQueue[] = [];
afterEach(async () => {
  await Promise.all(queues.splice(0).map((queue) => queue.stop()));
});

async function start(jobs: ScheduledJob[], options: { backfillPeriod?: number; runMinuteJobsAtStart?: boolean } = {}) {
  const queue = await startJobQueue({ databaseUrl: process.env.DATABASE_URL!, jobs, pollInterval: 100, ...options });
  queues.push(queue);
  return queue;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const queuedJobs = (task: string) =>
  db().$queryRaw<{ attempts: number; last_error: string | null; run_at: Date; now: Date }[]>`
    SELECT attempts, last_error, run_at, now() AS now FROM graphile_worker.jobs WHERE task_identifier = ${task}`;

function testJob(id: string, run: () => Promise<unknown>, maxAttempts = 3): ScheduledJob {
  return { id, label: id, cron: "* * * * *", cadence: "Every minute", maxAttempts, run };
}

describe("the registry", () => {
  it("keeps each job's cadence and the old scheduler's order, with schedules the queue accepts", () => {
    expect(JOBS.slice(0, 8).map((job) => [job.id, job.cron])).toEqual(
      [
        "close-observation-windows",
        "finalize-invoices",
        "expire-wallet-credits",
        "open-draft-invoices",
        "evaluate-spend-alerts",
        "forget-stale-sign-in-counts",
        "checkpoint-audit-chain",
        "deliver-webhooks",
      ].map((id) => [id, "* * * * *"]),
    );
    expect(new Set(JOBS.map((job) => job.id)).size).toBe(JOBS.length);
    expect(() => parseCronItems(JOBS.map((job) => ({ task: job.id, match: job.cron })))).not.toThrow();
  });
});

describe("the queue's schema under the app role", () => {
  it("lets the app work the queue but not migrate or alter it", async () => {
    await expect(db().$executeRawUnsafe("INSERT INTO graphile_worker.migrations (id) VALUES (9999)")).rejects.toThrow(
      /permission denied/,
    );
    await expect(db().$executeRawUnsafe("CREATE TABLE graphile_worker.intruder (x int)")).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      db().$executeRawUnsafe("ALTER TABLE graphile_worker._private_jobs DISABLE ROW LEVEL SECURITY"),
    ).rejects.toThrow(/must be owner/);
    const [count] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs`;
    expect(count!.n).toBeGreaterThanOrEqual(0);
  });
});

describe("two app instances on one database", () => {
  it("run each scheduled job once per schedule", async () => {
    const ids = [uniqueId("close-windows"), uniqueId("finalize")];
    const calls = new Map(ids.map((id) => [id, 0]));
    const jobs = ids.map((id) =>
      testJob(id, async () => {
        calls.set(id, calls.get(id)! + 1);
      }),
    );
    // Both instances come up after the jobs last ran four minutes ago: each missed minute is due
    // at once, on both, at the same moment: the race a shared schedule must win exactly once.
    for (const id of ids) {
      await db().$executeRaw`
        INSERT INTO graphile_worker._private_known_crontabs (identifier, known_since, last_execution)
        VALUES (${id}, date_trunc('minute', now()) - interval '4 minutes', date_trunc('minute', now()) - interval '4 minutes')`;
    }
    await Promise.all([start(jobs, { backfillPeriod: 600_000 }), start(jobs, { backfillPeriod: 600_000 })]);

    const runs = await waitFor("the missed minutes to run", async () => {
      const rows = await db().jobRun.findMany({ where: { job: { in: ids } } });
      const pending = (await Promise.all(ids.map(queuedJobs))).flat();
      const done = ids.every((id) => rows.filter((r) => r.job === id && r.outcome === "succeeded").length >= 4);
      return done && pending.length === 0 && rows;
    });
    for (const id of ids) {
      const ofJob = runs.filter((run) => run.job === id);
      const instants = ofJob.map((run) => run.scheduledFor!.toISOString());
      expect(new Set(instants).size, `${id} ran a schedule twice: ${instants.sort().join(", ")}`).toBe(instants.length);
      expect(ofJob.every((run) => run.trigger === "schedule" && run.attempt === 1)).toBe(true);
      expect(calls.get(id)).toBe(ofJob.length);
      // The four missed minutes (and the current one, when the runner scheduled it in time).
      expect(ofJob.length).toBeGreaterThanOrEqual(4);
      expect(ofJob.length).toBeLessThanOrEqual(6);
    }
  });
});

describe("an instance that starts", () => {
  it("runs each minute's job at once rather than at the next minute", async () => {
    const id = uniqueId("open-drafts");
    await start([testJob(id, async () => {})], { runMinuteJobsAtStart: true });
    const run = await waitFor("the start-up run", async () =>
      db().jobRun.findFirst({ where: { job: id, outcome: "succeeded" } }),
    );
    expect(run).toMatchObject({ trigger: "start-up", scheduledFor: null, attempt: 1 });
  });
});

describe("a failing job", () => {
  it("is retried with backoff, and its error is on the Jobs page", async () => {
    const id = uniqueId("deliver-webhooks");
    let calls = 0;
    const flaky = testJob(id, async () => {
      calls += 1;
      if (calls === 1) throw new Error("The webhook endpoint answered 503 Service Unavailable");
    });
    await db().$queryRaw`SELECT graphile_worker.add_job(${id}, '{}'::json, max_attempts => 3)::text`;
    await start([flaky]);

    const failed = await waitFor("the first attempt to fail", async () =>
      db().jobRun.findFirst({ where: { job: id, outcome: "failed" } }),
    );
    expect(failed).toMatchObject({
      attempt: 1,
      maxAttempts: 3,
      error: "The webhook endpoint answered 503 Service Unavailable",
    });
    // The queue keeps the job with its error and tries again after e¹ ≈ 2.7 s, not at once.
    const [waiting] = await queuedJobs(id);
    expect(waiting).toMatchObject({ attempts: 1, last_error: expect.stringContaining("503") });
    expect(waiting!.run_at.getTime() - waiting!.now.getTime()).toBeGreaterThan(1_500);
    const pageWhileWaiting = (await listJobRuns([flaky]))[0]!;
    expect(pageWhileWaiting.queued.retrying).toBe(1);
    expect(pageWhileWaiting.queued.nextRetryAt).toEqual(waiting!.run_at);

    const retried = await waitFor("the retry to succeed and leave the queue", async () => {
      const run = await db().jobRun.findFirst({ where: { job: id, outcome: "succeeded" } });
      return run && (await queuedJobs(id)).length === 0 && run;
    });
    expect(retried.attempt).toBe(2);
    expect(retried.startedAt.getTime() - failed.startedAt.getTime()).toBeGreaterThan(2_000);

    const [page] = await listJobRuns([flaky]);
    expect(page!.runs.map((run) => [run.attempt, run.outcome])).toEqual([
      [2, "succeeded"],
      [1, "failed"],
    ]);
    expect(page!.lastFailure).toMatchObject({
      attempt: 1,
      error: "The webhook endpoint answered 503 Service Unavailable",
    });
    expect(page!.runs[1]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(page!.queued).toEqual({ waiting: 0, retrying: 0, nextRetryAt: null });
  });
});

describe("the Jobs page's data and its Run now / Retry", () => {
  it("is for provider admins only: reviewers and customers are refused", async () => {
    const customer = await makeCustomer();
    for (const role of ["reviewer", "finance", "viewer"] as const) {
      const user = await makeUser(role, role === "reviewer" ? null : customer.id);
      await expect(callerFor(user).jobs.list(), role).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(callerFor(user).jobs.runNow({ job: "deliver-webhooks" }), role).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(callerFor(null).jobs.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("lists every registered job, and queues a run by hand with its audit entry", async () => {
    const admin = await makeUser("admin");
    const jobs = await callerFor(admin).jobs.list();
    expect(jobs.map((job) => job.id)).toContain("close-observation-windows");

    const { queueJobId } = await callerFor(admin).jobs.runNow({ job: "forget-stale-sign-in-counts" });
    const queued = await db().$queryRaw<{ task: string; key: string | null }[]>`
      SELECT task_identifier AS task, key FROM graphile_worker.jobs WHERE id = ${BigInt(queueJobId)}`;
    expect(queued).toEqual([{ task: "forget-stale-sign-in-counts", key: "manual:forget-stale-sign-in-counts" }]);
    const entry = await db().auditEntry.findFirst({
      where: { action: "job.run_requested", subjectId: "forget-stale-sign-in-counts", actorId: `user:${admin.userId}` },
    });
    expect(entry?.after).toEqual({ queueJobId });
  });

  it("retries a failed run, audited as a retry; refuses a run that did not fail and an unknown job", async () => {
    const admin = await makeUser("admin");
    const failed = await db().jobRun.create({
      data: {
        job: "deliver-webhooks",
        trigger: "schedule",
        attempt: 3,
        maxAttempts: 3,
        outcome: "failed",
        error: "connect ECONNREFUSED",
        startedAt: new Date("2026-12-01T10:00:00Z"),
        finishedAt: new Date("2026-12-01T10:00:01Z"),
      },
    });
    const { queueJobId } = await callerFor(admin).jobs.runNow({ job: "deliver-webhooks", retryOf: failed.id });
    const entry = await db().auditEntry.findFirst({ where: { action: "job.retried", subjectId: "deliver-webhooks" } });
    expect(entry?.after).toEqual({ queueJobId, retryOf: failed.id });

    const succeeded = await db().jobRun.create({
      data: { ...failed, id: undefined, outcome: "succeeded", error: null },
    });
    await expect(
      callerFor(admin).jobs.runNow({ job: "deliver-webhooks", retryOf: succeeded.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(callerFor(admin).jobs.runNow({ job: "mine-bitcoin" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Choose one of the jobs on this page."),
    });
  });
});
