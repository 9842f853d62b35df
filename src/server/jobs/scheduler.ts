// The in-process scheduler. Nothing here is the truth: each job reads its work from
// PostgreSQL and is safe to run on several instances at once, so a restart loses nothing.
import { clock } from "@/server/clock";
import { evaluateSpendAlerts } from "@/server/services/alerts/evaluate-spend-alerts";
import { checkpointAuditChain } from "@/server/services/audit/checkpoint-audit-chain";
import { forgetStaleThrottles } from "@/server/services/auth/internal/throttle-store";
import { closeObservationWindows } from "@/server/services/ingestion/close-observation-windows";
import { ensureDraftInvoices } from "@/server/services/invoicing/ensure-draft-invoices";
import { finalizeDueInvoices } from "@/server/services/invoicing/finalize-due-invoices";
import { expireWalletGrants } from "@/server/services/wallet/expire-wallet-grants";
import { deliverWebhooks } from "./deliver-webhooks";

const EVERY_MINUTE = 60_000;

interface Job {
  name: string;
  run: () => Promise<unknown>;
}

// Windows close before finalization, so a period is billed with its final statuses.
const JOBS: Job[] = [
  { name: "close observation windows", run: () => closeObservationWindows() },
  { name: "finalize invoices", run: () => finalizeDueInvoices() },
  // After finalization: draws already refuse expired credits by the clock; this writes them down.
  { name: "expire wallet credits", run: () => expireWalletGrants() },
  { name: "open draft invoices", run: () => ensureDraftInvoices() },
  { name: "evaluate spend alerts", run: () => evaluateSpendAlerts() },
  { name: "forget stale sign-in counts", run: () => forgetStaleThrottles(clock.now()) },
  // After the jobs that write audit entries: the minute's changes are vouched for in the same tick.
  { name: "checkpoint the audit chain", run: () => checkpointAuditChain() },
  // Last, so the webhooks the jobs above enqueued go out in the same tick.
  { name: "deliver webhooks", run: () => deliverWebhooks() },
];

const globalForScheduler = globalThis as unknown as { outcomeLedgerScheduler?: NodeJS.Timeout };

export function startScheduler(): void {
  if (globalForScheduler.outcomeLedgerScheduler) return;
  let running = false;
  const tick = async () => {
    if (running) return; // a slow run is not overlapped by the next tick
    running = true;
    for (const job of JOBS) {
      await job.run().catch((error: unknown) => {
        console.error(`scheduler: "${job.name}" failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
    running = false;
  };
  globalForScheduler.outcomeLedgerScheduler = setInterval(tick, EVERY_MINUTE);
  globalForScheduler.outcomeLedgerScheduler.unref();
  void tick();
}
