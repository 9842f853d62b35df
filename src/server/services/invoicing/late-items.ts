// Late items: attempts of already finalized periods that arrived or changed after they were
// billed. They are billed on the open invoice at their own period's prices: the difference
// between that period rated with and without them (so caps, tiers and minimums still hold),
// and the finalized invoice never changes.

import { periodLabel, periodStartOf } from "@/domain/invoicing/periods";
import { adjustmentLine, type RatedLine } from "@/domain/rating/contract-terms";
import { ratePeriod } from "@/domain/rating/rate-period";
import type { Tx } from "@/server/db";
import { type PeriodContracts, partAt, requireContractsOfPeriod } from "@/server/services/contracts/period-contracts";
import { billedPartCounts, type DefinitionInfo, definitionsAt, partUsageOf, usageOf } from "./period-usage";

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
    const { attemptsDelta, billableDelta } = deltaOf(a);
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
    const inForce = await requireContractsOfPeriod(customerId, source, tx);
    const definitions = await definitionsAt(tx, source);
    const periodDeltas = [...deltas.values()].filter((d) => d.periodStart.getTime() === time);
    const amountMinor = inForce.split
      ? await splitPeriodDelta(tx, customerId, inForce, definitions, attempts)
      : await periodDelta(tx, customerId, source, inForce, definitions, periodDeltas);
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

/** What an attempt adds to its period's counts since it was billed. */
function deltaOf(a: LateAttempt) {
  const wasCounted = a.billedStatus !== null;
  const isCounted = a.eventCount > 0;
  return {
    attemptsDelta: Number(isCounted) - Number(wasCounted),
    billableDelta: Number(isCounted && a.status === "billable") - Number(a.billedStatus === "billable"),
  };
}

type Counts = { definitionId: string; attempts: number; billable: number };

/** The period rated with the late items minus as billed (its billed usage). */
async function periodDelta(
  tx: Tx,
  customerId: string,
  source: Date,
  inForce: PeriodContracts,
  definitions: Map<string, DefinitionInfo>,
  periodDeltas: readonly Counts[],
): Promise<bigint> {
  const billed = await tx.billedUsage.findMany({ where: { customerId, periodStart: source } });
  const after = new Map<string, Counts>(
    billed.map((b) => [b.definitionId, { definitionId: b.definitionId, attempts: b.attempts, billable: b.billable }]),
  );
  for (const d of periodDeltas) {
    const row = after.get(d.definitionId) ?? { definitionId: d.definitionId, attempts: 0, billable: 0 };
    after.set(d.definitionId, { ...row, attempts: row.attempts + d.attempts, billable: row.billable + d.billable });
  }
  return (
    ratePeriod(inForce.terms, usageOf([...after.values()], definitions)).totalMinor -
    ratePeriod(inForce.terms, usageOf(billed, definitions)).totalMinor
  );
}

/**
 * A period two versions share: as billed per version (each attempt's billed status), and with
 * each late attempt added to the version in force when it happened.
 */
async function splitPeriodDelta(
  tx: Tx,
  customerId: string,
  inForce: PeriodContracts,
  definitions: Map<string, DefinitionInfo>,
  attempts: readonly LateAttempt[],
): Promise<bigint> {
  const billed = await billedPartCounts(tx, customerId, inForce.parts);
  const key = (definitionId: string, version: number) => `${definitionId}|${version}`;
  const after = new Map(billed.map((b) => [key(b.definitionId, b.version), { ...b }]));
  for (const a of attempts) {
    const part = partAt(inForce.parts, a.occurredAt);
    if (!part) continue;
    const { attemptsDelta, billableDelta } = deltaOf(a);
    const row = after.get(key(a.definitionId, part.version)) ?? {
      definitionId: a.definitionId,
      version: part.version,
      attempts: 0,
      billable: 0,
    };
    after.set(key(a.definitionId, part.version), {
      ...row,
      attempts: row.attempts + attemptsDelta,
      billable: row.billable + billableDelta,
    });
  }
  return (
    ratePeriod(inForce.terms, partUsageOf([...after.values()], definitions)).totalMinor -
    ratePeriod(inForce.terms, partUsageOf(billed, definitions)).totalMinor
  );
}
