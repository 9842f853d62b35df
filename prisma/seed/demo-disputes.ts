// Demo disputes in every state, made only through the use cases the portal calls (open,
// assign, reply, decide, withdraw), by the demo's own finance users and reviewer, at times
// spread over the last weeks so the review queue and each thread read like a real history:
// fresh, assigned with a thread, past its service level with many outcomes, partly decided,
// resolved on the draft (its "Dispute credits" line) and on a finalized invoice (credit
// notes), withdrawn, and, when Umbrella's figures make it so, one credited 0.00 under its
// minimum or cap. Runs once: when any dispute exists it does nothing.
//
// Before that, ended months are finalized on the day the scheduler would have finalized them
// (their grace days after the month), so invoice numbers follow the months and dispute windows
// are counted from realistic dates. The scheduler would otherwise finalize them all at the
// first start, on one day.
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";
import { actorForUserId } from "@/server/auth/current-actor";
import { db } from "@/server/db";
import { finalizeDueInvoices } from "@/server/services/invoicing/finalize-due-invoices";
import type { Cast, Step } from "./demo-dispute-kit";
import { assignedWithThread, breachedCarrierOutage, resolvedOnDraft } from "./demo-disputes-globex";
import { freshReopened, partlyDecided, resolvedOnFinalizedInvoice } from "./demo-disputes-initech";
import { withdrawnAfterAnswer, zeroCreditUnderMinimum } from "./demo-disputes-umbrella";
import { DAY, HOUR, MINUTE, Rng } from "./demo-random";

export async function seedDemoDisputes({ now, log }: { now: Date; log: (line: string) => void }): Promise<void> {
  if (await db().dispute.findFirst({ select: { id: true } })) {
    log("Demo disputes: already in place.");
    return;
  }
  const started = performance.now();
  const cast = await castOf(now, log);
  if (!cast) return;
  const finalized = await finalizeEndedMonths(now);
  if (finalized.length > 0) {
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(`Demo invoices: ${finalized.length} ended months finalized on their due dates, ${seconds} s.`);
  }
  const disputesStarted = performance.now();

  // Each story picks its outcomes now and acts later. Globex's filter story comes before Globex's
  // others, so they steer clear of the outcomes it claims.
  const steps: Step[] = [];
  for (const story of [
    zeroCreditUnderMinimum,
    withdrawnAfterAnswer,
    resolvedOnFinalizedInvoice,
    breachedCarrierOutage,
    partlyDecided,
    resolvedOnDraft,
    assignedWithThread,
    freshReopened,
  ]) {
    steps.push(...(await story(cast)));
  }
  // Stable sort: steps of one dispute that share a time keep their order.
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const step of steps) {
    if (step.story.skipped) continue;
    const at = step.at < now ? step.at : new Date(now.getTime() - MINUTE);
    try {
      await step.run(at);
    } catch (error) {
      step.story.skipped = error instanceof Error ? error.message : String(error);
      log(`Demo disputes: “${step.story.name}” stopped: ${step.story.skipped}`);
    }
  }

  const counts = await db().dispute.groupBy({ by: ["status"], _count: { _all: true } });
  const seconds = ((performance.now() - disputesStarted) / 1000).toFixed(1);
  log(`Demo disputes: ${counts.map((c) => `${c._count._all} ${c.status}`).join(", ") || "none"}, in ${seconds} s.`);
}

async function castOf(now: Date, log: (line: string) => void): Promise<Cast | null> {
  const actor = async (email: string) => {
    const user = await db().user.findUnique({ where: { email }, select: { id: true } });
    return user ? actorForUserId(user.id) : null;
  };
  const customer = async (externalId: string, email: string) => {
    const [row, finance] = await Promise.all([
      db().customer.findUnique({ where: { externalId }, select: { id: true } }),
      actor(email),
    ]);
    return row && finance ? { actor: finance, customerId: row.id } : null;
  };
  const [rita, ada, globex, initech, umbrella] = await Promise.all([
    actor("reviewer@acme-support.ai"),
    actor("admin@acme-support.ai"),
    customer("globex", "finance@globex.example"),
    customer("initech", "finance@initech.example"),
    customer("umbrella", "finance@umbrella.example"),
  ]);
  if (!rita || !ada || !globex || !initech || !umbrella) {
    log("Demo disputes: skipped, a demo user or customer is missing (disabled or edited).");
    return null;
  }
  return {
    now,
    rita,
    ada,
    finance: { globex, initech, umbrella },
    used: new Set(),
    rng: new Rng("outcome-ledger-demo/disputes"),
    log,
  };
}

/** Each ended month, finalized when the scheduler would have: its contract's grace days after it ended. */
async function finalizeEndedMonths(now: Date): Promise<string[]> {
  const [first, grace] = await Promise.all([
    db().contract.findFirst({ orderBy: { effectiveFrom: "asc" }, select: { effectiveFrom: true } }),
    db().contract.aggregate({ _max: { graceDays: true } }),
  ]);
  if (!first) return [];
  const finalized: string[] = [];
  const graceMs = (grace._max.graceDays ?? 0) * DAY;
  for (let end = nextPeriodStart(periodStartOf(first.effectiveFrom)); ; end = nextPeriodStart(end)) {
    // 06:00 UTC on the due day, as a morning scheduler tick would have done it.
    const due = new Date(end.getTime() + graceMs + 6 * HOUR);
    if (due > now) break;
    finalized.push(...(await finalizeDueInvoices({ now: due })).finalized);
  }
  return finalized;
}
