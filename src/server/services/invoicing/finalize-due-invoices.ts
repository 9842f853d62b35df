// The scheduler's finalization: every period that has ended, plus its contract's grace
// days, is finalized. Idempotent and safe on several instances (see finalizeInvoice).
import type { Actor } from "@/domain/actor";
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { contractInForce } from "@/server/services/contracts/find-contract";
import { finalizeInvoice } from "./finalize-invoice";

const schedulerActor: Actor = { kind: "system", job: "finalize-invoices" };
const DAY_MS = 86_400_000;

export async function finalizeDueInvoices({ now = clock.now() } = {}): Promise<{ finalized: string[] }> {
  const finalized: string[] = [];
  const customers = await db().customer.findMany({
    select: { id: true, contracts: { select: { effectiveFrom: true }, orderBy: { effectiveFrom: "asc" }, take: 1 } },
  });
  for (const customer of customers) {
    const first = customer.contracts[0];
    if (!first) continue;
    const done = new Set(
      (
        await db().invoice.findMany({
          where: { customerId: customer.id, status: "finalized" },
          select: { periodStart: true },
        })
      ).map((i) => i.periodStart.getTime()),
    );
    for (
      let period = periodStartOf(first.effectiveFrom);
      nextPeriodStart(period) <= now;
      period = nextPeriodStart(period)
    ) {
      if (done.has(period.getTime())) continue;
      // The version in force at the period's end: its grace days (and, in a first month that
      // starts mid-month, the only version there is).
      const contract = await contractInForce(customer.id, new Date(nextPeriodStart(period).getTime() - 1));
      if (!contract || nextPeriodStart(period).getTime() + contract.graceDays * DAY_MS > now.getTime()) continue;
      const result = await finalizeInvoice({
        actor: schedulerActor,
        input: { customerId: customer.id, periodStart: period },
        now,
      });
      if (!result.alreadyFinalized) finalized.push(result.number);
    }
  }
  return { finalized };
}
