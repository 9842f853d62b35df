// A period's usage per definition, read from the rollup (a few rows, however many attempts).
import { chooseVersion } from "@/domain/evaluation/evaluate-attempt";
import type { DefinitionUsage } from "@/domain/rating/contract-terms";
import { partKey } from "@/domain/rating/proration";
import { db, type Tx } from "@/server/db";

export interface DefinitionInfo {
  id: string;
  key: string;
  name: string;
  unitLabel: string;
  /** The default price of the version in force at the period's start (else the first published). */
  defaultUnitPrice: string;
}

export async function definitionsAt(tx: Tx, at: Date): Promise<Map<string, DefinitionInfo>> {
  const definitions = await tx.outcomeDefinition.findMany({
    include: { versions: { where: { status: { in: ["published", "retired"] } }, orderBy: { number: "asc" } } },
  });
  return new Map(
    definitions.map((d) => {
      const version = chooseVersion(d.versions, at) ?? d.versions[0];
      return [
        d.id,
        {
          id: d.id,
          key: d.key,
          name: d.name,
          unitLabel: d.unitLabel,
          defaultUnitPrice: version?.defaultUnitPrice.toString() ?? "0",
        },
      ];
    }),
  );
}

export function usageOf(
  counts: readonly { definitionId: string; attempts: number; billable: number }[],
  definitions: ReadonlyMap<string, DefinitionInfo>,
): DefinitionUsage[] {
  return counts
    .filter((c) => c.attempts !== 0 || c.billable !== 0)
    .map((c) => {
      const d = definitions.get(c.definitionId)!;
      return {
        definitionKey: d.key,
        definitionName: d.name,
        unitLabel: d.unitLabel,
        defaultUnitPrice: d.defaultUnitPrice,
        attempts: c.attempts,
        billable: c.billable,
      };
    });
}

export async function periodCounts(tx: Tx, customerId: string, periodStart: Date) {
  return tx.usageRollup.findMany({ where: { customerId, periodStart } });
}

/** Rebuilds a period's rollups (monthly and daily) from the attempts themselves (the from-scratch path). */
export async function rebuildPeriodRollup(customerId: string, periodStart: Date, periodEnd: Date, tx: Tx = db()) {
  await tx.$executeRaw`DELETE FROM usage_daily WHERE "customerId" = ${customerId}::uuid AND "day" >= ${periodStart}::date AND "day" < ${periodEnd}::date`;
  await tx.$executeRaw`
    INSERT INTO usage_daily ("customerId", "day", "definitionId", "attempts", "billable", "pending")
    SELECT ${customerId}::uuid, ("occurredAt" AT TIME ZONE 'UTC')::date, "definitionId", count(*),
      count(*) FILTER (WHERE "status" = 'billable'), count(*) FILTER (WHERE "status" = 'pending')
    FROM attempt
    WHERE "customerId" = ${customerId}::uuid AND "occurredAt" >= ${periodStart} AND "occurredAt" < ${periodEnd} AND "eventCount" > 0
    GROUP BY 2, 3`;
  // The monthly rollup is the sum of the days just counted.
  await tx.$executeRaw`DELETE FROM usage_rollup WHERE "customerId" = ${customerId}::uuid AND "periodStart" = ${periodStart}`;
  await tx.$executeRaw`
    INSERT INTO usage_rollup ("customerId", "periodStart", "definitionId", "attempts", "billable", "pending")
    SELECT ${customerId}::uuid, ${periodStart}, "definitionId", sum("attempts"), sum("billable"), sum("pending")
    FROM usage_daily
    WHERE "customerId" = ${customerId}::uuid AND "day" >= ${periodStart}::date AND "day" < ${periodEnd}::date
    GROUP BY "definitionId"`;
}

/**
 * The counts of each version's days of a split period, keyed by `partKey`: an outcome belongs
 * to the version in force when its attempt happened (`occurredAt`, the instant that already
 * decides its period), read from the daily rollup.
 */
export async function partCounts(
  tx: Tx,
  customerId: string,
  parts: readonly { version: number; from: Date; to: Date }[],
) {
  const perPart = await Promise.all(
    parts.map(async (part) => {
      const rows = await tx.$queryRaw<{ definitionId: string; attempts: number; billable: number; pending: number }[]>`
        SELECT "definitionId", sum("attempts")::int AS "attempts", sum("billable")::int AS "billable",
          sum("pending")::int AS "pending"
        FROM usage_daily
        WHERE "customerId" = ${customerId}::uuid AND "day" >= ${part.from}::date AND "day" < ${part.to}::date
        GROUP BY "definitionId"`;
      return rows.map((r) => ({ ...r, version: part.version }));
    }),
  );
  return perPart.flat();
}

/** A split period's usage per definition and version, each keyed `ticket_resolved@v3`. */
export function partUsageOf(
  counts: readonly { definitionId: string; version: number; attempts: number; billable: number }[],
  definitions: ReadonlyMap<string, DefinitionInfo>,
): DefinitionUsage[] {
  return counts.flatMap((c) =>
    usageOf([c], definitions).map((u) => ({ ...u, definitionKey: partKey(u.definitionKey, c.version) })),
  );
}

/**
 * A finalized split period's counts per version as they were billed (late items billed since
 * included): each attempt's `billedStatus` is what its invoice charged.
 */
export async function billedPartCounts(
  tx: Tx,
  customerId: string,
  parts: readonly { version: number; from: Date; to: Date }[],
) {
  const perPart = await Promise.all(
    parts.map(async (part) => {
      const rows = await tx.$queryRaw<{ definitionId: string; attempts: number; billable: number }[]>`
        SELECT "definitionId", count(*) FILTER (WHERE "billedStatus" IS NOT NULL)::int AS "attempts",
          count(*) FILTER (WHERE "billedStatus" = 'billable')::int AS "billable"
        FROM attempt
        WHERE "customerId" = ${customerId}::uuid AND "occurredAt" >= ${part.from} AND "occurredAt" < ${part.to}
        GROUP BY "definitionId"`;
      return rows.map((r) => ({ ...r, version: part.version }));
    }),
  );
  return perPart.flat();
}
