-- Jobs on a real queue (issue #17, §5). The queue itself (graphile-worker) keeps its own schema,
-- "graphile_worker", created by the library's migrator at start-up (prepare-database.ts). This
-- table is ours: one row per run of a job, so the Jobs page shows recent runs, their duration,
-- and failures with their error (the queue deletes a job once it succeeds). Provider data only:
-- no customer's rows, so no row-level-security policy.
CREATE TABLE "job_run" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "job" TEXT NOT NULL,
    "queueJobId" TEXT,
    "trigger" TEXT NOT NULL,
    "scheduledFor" TIMESTAMPTZ(3),
    "attempt" INTEGER NOT NULL,
    "maxAttempts" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "error" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "job_run_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "job_run_trigger" CHECK ("trigger" IN ('schedule', 'start-up', 'manual')),
    CONSTRAINT "job_run_outcome" CHECK ("outcome" IN ('running', 'succeeded', 'failed'))
);

CREATE INDEX "job_run_job_startedAt_idx" ON "job_run"("job", "startedAt" DESC);
CREATE INDEX "job_run_startedAt_idx" ON "job_run"("startedAt");
