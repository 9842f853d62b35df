// An admin runs a job now, or retries a failed run: one more job on the queue, added in the
// same transaction as its audit entry, so the log never claims a run that was not queued.
// A second click while that run still waits adds nothing (the queue's job key).
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { findJob, JOB_IDS, priorityOf } from "@/server/jobs/registry";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";

export const RunJobNowInput = z.strictObject({
  job: z.enum(JOB_IDS, "Choose one of the jobs on this page."),
  /** The failed run this retries, for the audit log. */
  retryOf: z.uuid("The run to retry is not one of this page's runs.").optional(),
});
export type RunJobNowInput = z.input<typeof RunJobNowInput>;

export async function runJobNow({ actor, input }: { actor: Actor; input: RunJobNowInput }) {
  const { job: jobId, retryOf } = RunJobNowInput.parse(input);
  const job = findJob(jobId);
  if (!job) throw new AppError("NOT_FOUND", "There is no such job.");
  return transaction(async (tx) => {
    if (retryOf) {
      const run = await tx.jobRun.findUnique({ where: { id: retryOf }, select: { job: true, outcome: true } });
      if (!run || run.job !== job.id || run.outcome !== "failed") {
        throw new AppError("NOT_FOUND", "That run is not a failed run of this job.");
      }
    }
    const [queued] = await tx.$queryRaw<{ id: string }[]>`
      SELECT (graphile_worker.add_job(
        identifier => ${job.id}, payload => '{}'::json, max_attempts => ${job.maxAttempts}::int,
        job_key => ${`manual:${job.id}`}, priority => ${priorityOf(job.id)}::int
      )).id::text AS id`;
    await appendAuditEntry(tx, {
      actor,
      action: retryOf ? "job.retried" : "job.run_requested",
      subjectType: "job",
      subjectId: job.id,
      customerId: null,
      after: { queueJobId: queued!.id, ...(retryOf ? { retryOf } : {}) },
    });
    return { job: job.id, queueJobId: queued!.id };
  });
}
