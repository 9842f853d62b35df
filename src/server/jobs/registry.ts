// Every job the queue runs, in one place: its identifier (the queue's task name, also in the
// run log and the audit log), what the Jobs page calls it, its cron schedule, and how many
// attempts a failure gets. A new job is one entry here; nothing else registers jobs.
// Each job reads its work from PostgreSQL and asks the clock what is due, so a run that is
// late, retried or started by hand does the same thing.
import { clock } from "@/server/clock";
import { evaluateSpendAlerts } from "@/server/services/alerts/evaluate-spend-alerts";
import { checkpointAuditChain } from "@/server/services/audit/checkpoint-audit-chain";
import { forgetStaleThrottles } from "@/server/services/auth/internal/throttle-store";
import { closeObservationWindows } from "@/server/services/ingestion/close-observation-windows";
import { ensureDraftInvoices } from "@/server/services/invoicing/ensure-draft-invoices";
import { finalizeDueInvoices } from "@/server/services/invoicing/finalize-due-invoices";
import { forgetOldJobRuns } from "@/server/services/jobs/forget-old-job-runs";
import { expireWalletGrants } from "@/server/services/wallet/expire-wallet-grants";
import { deliverWebhooks } from "./deliver-webhooks";

export interface ScheduledJob {
  id: string;
  label: string;
  /** Five-field cron, in UTC. */
  cron: string;
  /** The schedule in words, for the Jobs page. */
  cadence: string;
  /** Attempts before the queue gives up on one run (retries back off exponentially: ~3 s, ~7 s, ~20 s…). */
  maxAttempts: number;
  run: () => Promise<unknown>;
}

export const EVERY_MINUTE = "* * * * *";
// A minute's job retries twice within its minute; the next minute's run does the rest.
const MINUTE_ATTEMPTS = 3;

// The order is the queue's priority when several jobs are due at once: windows close before
// finalization, so a period is billed with its final statuses; the audit chain is checkpointed
// after the jobs that write audit entries; webhooks the jobs above enqueued go out last.
export const JOBS: readonly ScheduledJob[] = [
  {
    id: "close-observation-windows",
    label: "Close observation windows",
    cron: EVERY_MINUTE,
    cadence: "Every minute",
    maxAttempts: MINUTE_ATTEMPTS,
    run: () => closeObservationWindows(),
  },
  {
    id: "finalize-invoices",
    label: "Finalize invoices",
    cron: EVERY_MINUTE,
    cadence: "Every minute",
    maxAttempts: MINUTE_ATTEMPTS,
    run: () => finalizeDueInvoices(),
  },
  // After finalization: draws already refuse expired credits by the clock; this writes them down.
  {
    id: "expire-wallet-credits",
    label: "Expire prepaid credits",
    cron: EVERY_MINUTE,
    cadence: "Every minute",
    maxAttempts: MINUTE_ATTEMPTS,
    run: () => expireWalletGrants(),
  },
  {
    id: "open-draft-invoices",
    label: "Open draft invoices",
    cron: EVERY_MINUTE,
    cadence: "Every minute",
    maxAttempts: MINUTE_ATTEMPTS,
    run: () => ensureDraftInvoices(),
  },
  {
    id: "evaluate-spend-alerts",
    label: "Evaluate spend alerts",
    cron: EVERY_MINUTE,
    cadence: "Every minute",
    maxAttempts: MINUTE_ATTEMPTS,
    run: () => evaluateSpendAlerts(),
  },
  {
    id: "forget-stale-sign-in-counts",
    label: "Forget stale sign-in counts",
    cron: EVERY_MINUTE,
    cadence: "Every minute",
    maxAttempts: MINUTE_ATTEMPTS,
    run: () => forgetStaleThrottles(clock.now()),
  },
  {
    id: "checkpoint-audit-chain",
    label: "Checkpoint the audit chain",
    cron: EVERY_MINUTE,
    cadence: "Every minute",
    maxAttempts: MINUTE_ATTEMPTS,
    run: () => checkpointAuditChain(),
  },
  {
    id: "deliver-webhooks",
    label: "Deliver webhooks",
    cron: EVERY_MINUTE,
    cadence: "Every minute",
    maxAttempts: MINUTE_ATTEMPTS,
    run: () => deliverWebhooks(),
  },
  {
    id: "forget-old-job-runs",
    label: "Forget old job runs",
    cron: "17 3 * * *",
    cadence: "Daily at 03:17 UTC",
    maxAttempts: 5,
    run: () => forgetOldJobRuns(),
  },
];

export const JOB_IDS = JOBS.map((job) => job.id) as [string, ...string[]];

export function findJob(id: string): ScheduledJob | undefined {
  return JOBS.find((job) => job.id === id);
}

/** The queue's priority of a job (its place above), also for runs added by hand. */
export function priorityOf(jobId: string): number {
  return Math.max(
    0,
    JOBS.findIndex((job) => job.id === jobId),
  );
}
