// Late items: attempts of already finalized periods that arrived or changed after they were
// billed. They are billed on the open invoice at their own period's prices: the difference
// between that period rated with and without them (so caps, tiers and minimums still hold),
// and the finalized invoice never changes.

import { periodLabel, periodStartOf } from "@/domain/invoicing/periods";
import { adjustmentLine, type RatedLine } from "@/domain/rating/contract-terms";
import { ratePeriod } from "@/domain/rating/rate-period";
import type { Tx } from "@/server/db";
import { requireContractInForce, termsOf } from "@/server/services/contracts/find-contract";
import { definitionsAt, usageOf } from "./period-usage";

export interface LateAttempt {
  id: string;
  occurredAt: Date;
  definitionId: string;
  status: "pending" | "billable" | "not_billable";
  billedStatus: "pending" | "billable" | "not_billable" | null;
  eventCount: number;
}

export interface LateItems {
  lines: (RatedLine & { sourcePeriodStart: Date })[];
  attempts: LateAttempt[];
  /** Per source period and definition, what the late items add to what was billed. */
  deltas: { periodStart: Date; definitionId: string; attempts: number; billable: number }[];
}

/** The late items that belong on the invoice of `periodStart`: from finalized periods before it. */
export async function lateItems(tx: Tx, customerId: string, periodStart: Date): Promise<LateItems> {
  const finalized = await tx.invoice.findMany({
    where: { customerId, status: "finalized", periodStart: { lt: periodStart } },
    select: { periodStart: true },
  });
  if (finalized.length === 0) return { lines: [], attempts: [], deltas: [] };
  const finalizedPeriods = new Set(finalized.map((f) => f.periodStart.getTime()));
  const candidates = await tx.$queryRaw<LateAttempt[]>`
    SELECT "id", "occurredAt", "definitionId", "status", "billedStatus", "eventCount" FROM attempt
    WHERE "customerId" = ${customerId}::uuid AND "occurredAt" < ${periodStart}
      AND ("billedStatus" IS DISTINCT FROM "status" OR "voided")`;
  const attempts = candidates.filter((a) => finalizedPeriods.has(periodStartOf(a.occurredAt).getTime()));

  const deltas = new Map<string, { periodStart: Date; definitionId: string; attempts: number; billable: number }>();
  for (const a of attempts) {
    const wasCounted = a.billedStatus !== null;
    const isCounted = a.eventCount > 0;
    const attemptsDelta = Number(isCounted) - Number(wasCounted);
    const billableDelta = Number(isCounted && a.status === "billable") - Number(a.billedStatus === "billable");
    if (attemptsDelta === 0 && billableDelta === 0) continue;
    const source = periodStartOf(a.occurredAt);
    const key = `${source.toISOString()}|${a.definitionId}`;
    const d = deltas.get(key) ?? { periodStart: source, definitionId: a.definitionId, attempts: 0, billable: 0 };
    d.attempts += attemptsDelta;
    d.billable += billableDelta;
    deltas.set(key, d);
  }

  const lines: LateItems["lines"] = [];
  const sources = [...new Set([...deltas.values()].map((d) => d.periodStart.getTime()))].sort((x, y) => x - y);
  for (const time of sources) {
    const source = new Date(time);
    const contract = await requireContractInForce(customerId, source, tx);
    const terms = termsOf(contract, source);
    const definitions = await definitionsAt(tx, source);
    const billed = await tx.billedUsage.findMany({ where: { customerId, periodStart: source } });
    const periodDeltas = [...deltas.values()].filter((d) => d.periodStart.getTime() === time);
    const after = new Map(
      billed.map((b) => [b.definitionId, { definitionId: b.definitionId, attempts: b.attempts, billable: b.billable }]),
    );
    for (const d of periodDeltas) {
      const row = after.get(d.definitionId) ?? { definitionId: d.definitionId, attempts: 0, billable: 0 };
      after.set(d.definitionId, { ...row, attempts: row.attempts + d.attempts, billable: row.billable + d.billable });
    }
    const amountMinor =
      ratePeriod(terms, usageOf([...after.values()], definitions)).totalMinor -
      ratePeriod(terms, usageOf(billed, definitions)).totalMinor;
    const sum = (k: "attempts" | "billable") => periodDeltas.reduce((s, d) => s + d[k], 0);
    lines.push({
      ...adjustmentLine(
        "late_items",
        `Late items for ${periodLabel(source)}: ${signed(sum("attempts"))} attempts, ${signed(sum("billable"))} billable outcomes`,
        amountMinor,
      ),
      sourcePeriodStart: source,
    });
  }
  return { lines, attempts, deltas: [...deltas.values()] };
}

const signed = (n: number) => (n >= 0 ? `+${n}` : String(n));
