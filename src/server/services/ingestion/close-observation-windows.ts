// When an attempt's observation window closes, its status becomes final. Run by the
// scheduler every minute; safe to run twice or on two instances at once (each run takes the
// attempts no one else holds, and only attempts still pending).
import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { holdBillingLocksShared } from "@/server/services/invoicing/billing-lock";
import { evaluate, loadVersions } from "./apply-events";
import { type AttemptUpdate, lockAttempts, updateAttempts } from "./attempt-rows";

const schedulerActor: Actor = { kind: "system", job: "close-observation-windows" };

export async function closeObservationWindows({
  now = clock.now(),
  batchSize = 1_000,
} = {}): Promise<{ closed: number }> {
  let closed = 0;
  for (;;) {
    const count = await transaction(
      async (tx) => {
        // The customers first (billing locks come before attempt locks), then their due attempts.
        const customers = await tx.$queryRaw<{ customerId: string }[]>`
          SELECT DISTINCT "customerId" FROM (
            SELECT "customerId" FROM attempt WHERE "status" = 'pending' AND "windowClosesAt" <= ${now}
            ORDER BY "windowClosesAt" LIMIT ${batchSize}) AS due`;
        if (customers.length === 0) return 0;
        await holdBillingLocksShared(
          tx,
          customers.map((c) => c.customerId),
        );
        const due = await tx.$queryRaw<{ id: string }[]>`
          SELECT "id" FROM attempt
          WHERE "status" = 'pending' AND "windowClosesAt" <= ${now}
            AND "customerId" = ANY(${customers.map((c) => c.customerId)}::text[]::uuid[])
          ORDER BY "windowClosesAt" LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED`;
        if (due.length === 0) return 0;
        const attempts = await lockAttempts(
          tx,
          due.map((d) => d.id),
        );
        const versions = await loadVersions(
          tx,
          [...attempts.values()].map((a) => a.definitionVersionId),
        );
        const updates: AttemptUpdate[] = [];
        for (const attempt of attempts.values()) {
          if (!attempt.state) continue; // an empty row of a batch still in flight elsewhere
          const evaluation = evaluate(attempt.state, versions.get(attempt.definitionVersionId)!, now);
          updates.push({ id: attempt.id, state: attempt.state, costCurrency: null, evaluation });
        }
        if (updates.length === 0) return 0;
        await updateAttempts(tx, attempts, updates);
        const tally = (status: string) => updates.filter((u) => u.evaluation?.status === status).length;
        await appendAuditEntry(tx, {
          actor: schedulerActor,
          action: "outcomes.finalized",
          subjectType: "observation_window",
          subjectId: now.toISOString(),
          customerId: null,
          after: { finalized: updates.length, billable: tally("billable"), notBillable: tally("not_billable") },
        });
        return updates.length;
      },
      { timeout: 60_000 },
    );
    closed += count;
    if (count < batchSize) return { closed };
  }
}
