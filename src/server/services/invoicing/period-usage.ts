// A period's usage per definition, read from the rollup (a few rows, however many attempts).
import { chooseVersion } from "@/domain/evaluation/evaluate-attempt";
import type { DefinitionUsage } from "@/domain/rating/contract-terms";
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
