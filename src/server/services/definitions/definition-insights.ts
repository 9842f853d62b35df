// What adjudications teach about a definition: per definition its volume, success rate and
// how often its outcomes are disputed and upheld, month by month; per criterion the upheld
// disputes whose root cause was a gap in the definition; and the attributes providers actually
// send, for the editor's suggestions. All from indexed aggregates, never a loop over attempts.
import { periodStartOf } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

const MONTHS = 6;

export interface DefinitionMonth {
  periodStart: Date;
  attempts: number;
  billable: number;
  pending: number;
  /** billable ÷ decided attempts (pending left out); null when nothing is decided. */
  successRate: number | null;
  disputed: number;
  /** disputed ÷ billable; null when nothing is billable. */
  disputeRate: number | null;
  decided: number;
  upheld: number;
  /** upheld ÷ decided disputed outcomes; null when none is decided. */
  upheldRate: number | null;
}

/** Per definition, the last six months (oldest first) of volume, success and disputes. */
export async function definitionTrends(now = clock.now()): Promise<Map<string, DefinitionMonth[]>> {
  const current = periodStartOf(now);
  const first = new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - (MONTHS - 1), 1));
  const [usage, disputes] = await Promise.all([
    db().$queryRaw<{ definitionId: string; periodStart: Date; attempts: number; billable: number; pending: number }[]>`
      SELECT "definitionId", "periodStart", sum("attempts")::int AS "attempts", sum("billable")::int AS "billable",
        sum("pending")::int AS "pending"
      FROM usage_rollup WHERE "periodStart" >= ${first} GROUP BY 1, 2`,
    db().$queryRaw<{ definitionId: string; periodStart: Date; disputed: number; decided: number; upheld: number }[]>`
      SELECT "definitionId", "periodStart", count(*)::int AS "disputed",
        count(*) FILTER (WHERE "state" IN ('accepted', 'partial', 'rejected'))::int AS "decided",
        count(*) FILTER (WHERE "state" IN ('accepted', 'partial'))::int AS "upheld"
      FROM disputed_outcome WHERE "periodStart" >= ${first} GROUP BY 1, 2`,
  ]);
  const key = (definitionId: string, p: Date) => `${definitionId}|${p.getTime()}`;
  const usageBy = new Map(usage.map((u) => [key(u.definitionId, u.periodStart), u]));
  const disputesBy = new Map(disputes.map((d) => [key(d.definitionId, d.periodStart), d]));
  const definitions = new Set([...usage, ...disputes].map((r) => r.definitionId));
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
  const trends = new Map<string, DefinitionMonth[]>();
  for (const definitionId of definitions) {
    const months: DefinitionMonth[] = [];
    for (let i = 0; i < MONTHS; i++) {
      const periodStart = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + i, 1));
      const u = usageBy.get(key(definitionId, periodStart));
      const d = disputesBy.get(key(definitionId, periodStart));
      const attempts = u?.attempts ?? 0;
      const billable = u?.billable ?? 0;
      const pending = u?.pending ?? 0;
      months.push({
        periodStart,
        attempts,
        billable,
        pending,
        successRate: ratio(billable, attempts - pending),
        disputed: d?.disputed ?? 0,
        disputeRate: ratio(d?.disputed ?? 0, billable),
        decided: d?.decided ?? 0,
        upheld: d?.upheld ?? 0,
        upheldRate: ratio(d?.upheld ?? 0, d?.decided ?? 0),
      });
    }
    trends.set(definitionId, months);
  }
  return trends;
}

export interface CriterionInsight {
  criterionPath: string;
  criterionLabel: string;
  upheldOutcomes: number;
  /** Upheld outcomes per month of the decision, oldest first. */
  byMonth: { periodStart: Date; upheldOutcomes: number }[];
  disputes: { id: string; number: string; addressedByVersion: number | null }[];
  samples: { attemptId: string; subject: string; disputeId: string; disputeNumber: string }[];
}

/** Upheld disputes about one definition: definition gaps per criterion, and the other root causes. */
export async function disputeInsights(definitionKey: string) {
  const definition = await db().outcomeDefinition.findUnique({ where: { key: definitionKey }, select: { id: true } });
  if (!definition) throw AppError.notFound(`The definition "${definitionKey}"`);
  const rows = await db().$queryRaw<
    {
      rootCause: string;
      criterionPath: string | null;
      criterionLabel: string | null;
      month: Date;
      outcomes: number;
    }[]
  >`
    SELECT x."rootCause"::text AS "rootCause", x."criterionPath", x."criterionLabel",
      date_trunc('month', x."decidedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS "month", count(*)::int AS "outcomes"
    FROM disputed_outcome o JOIN dispute_decision x ON x."id" = o."decisionId"
    WHERE o."definitionId" = ${definition.id}::uuid AND o."state" IN ('accepted', 'partial')
    GROUP BY 1, 2, 3, 4 ORDER BY 4`;
  const gaps = new Map<string, CriterionInsight>();
  const otherCauses: Record<string, number> = {};
  for (const r of rows) {
    if (r.rootCause !== "definition_gap" || !r.criterionPath) {
      otherCauses[r.rootCause] = (otherCauses[r.rootCause] ?? 0) + r.outcomes;
      continue;
    }
    const insight = gaps.get(r.criterionPath) ?? {
      criterionPath: r.criterionPath,
      criterionLabel: r.criterionLabel ?? r.criterionPath,
      upheldOutcomes: 0,
      byMonth: [],
      disputes: [],
      samples: [],
    };
    insight.upheldOutcomes += r.outcomes;
    insight.byMonth.push({ periodStart: r.month, upheldOutcomes: r.outcomes });
    gaps.set(r.criterionPath, insight);
  }
  for (const insight of gaps.values()) {
    const [disputes, samples] = await Promise.all([
      db().$queryRaw<{ id: string; number: string; addressedByVersion: number | null }[]>`
        SELECT DISTINCT s."id", s."number", v."number" AS "addressedByVersion"
        FROM disputed_outcome o JOIN dispute_decision x ON x."id" = o."decisionId" JOIN dispute s ON s."id" = o."disputeId"
        LEFT JOIN definition_version v ON v."id" = s."addressedByVersionId"
        WHERE o."definitionId" = ${definition.id}::uuid AND o."state" IN ('accepted', 'partial')
          AND x."rootCause" = 'definition_gap' AND x."criterionPath" = ${insight.criterionPath}
        ORDER BY s."number" LIMIT 50`,
      db().$queryRaw<{ attemptId: string; subject: string; disputeId: string; disputeNumber: string }[]>`
        SELECT o."attemptId", a."subject", s."id" AS "disputeId", s."number" AS "disputeNumber"
        FROM disputed_outcome o JOIN dispute_decision x ON x."id" = o."decisionId" JOIN dispute s ON s."id" = o."disputeId"
        JOIN attempt a ON a."id" = o."attemptId"
        WHERE o."definitionId" = ${definition.id}::uuid AND o."state" IN ('accepted', 'partial')
          AND x."rootCause" = 'definition_gap' AND x."criterionPath" = ${insight.criterionPath}
        ORDER BY x."decidedAt" DESC LIMIT 5`,
    ]);
    insight.disputes = disputes;
    insight.samples = samples;
  }
  return {
    gaps: [...gaps.values()].sort((a, b) => b.upheldOutcomes - a.upheldOutcomes),
    detectionErrors: otherCauses.detection_error ?? 0,
    attribution: otherCauses.attribution ?? 0,
    duplicates: otherCauses.duplicate ?? 0,
    noFaultFound: otherCauses.no_fault_found ?? 0,
  };
}

export interface AttributeSuggestion {
  attribute: string;
  type: "string" | "number" | "boolean";
  /** How many of the sampled attempts carry it. */
  seen: number;
  examples: (string | number | boolean)[];
}

/** The attributes of the definition's latest 2,000 attempts, with their types and example values. */
export async function attributeSuggestions(definitionKey: string): Promise<AttributeSuggestion[]> {
  const definition = await db().outcomeDefinition.findUnique({ where: { key: definitionKey }, select: { id: true } });
  if (!definition) throw AppError.notFound(`The definition "${definitionKey}"`);
  const rows = await db().$queryRaw<{ attribute: string; type: string; seen: number; examples: unknown[] }[]>`
    WITH recent AS (
      SELECT "attributes" FROM attempt WHERE "definitionId" = ${definition.id}::uuid
      ORDER BY "occurredAt" DESC LIMIT 2000
    )
    SELECT e."key" AS "attribute", jsonb_typeof(e."value") AS "type", count(*)::int AS "seen",
      (array_agg(DISTINCT e."value"))[1:5] AS "examples"
    FROM recent, jsonb_each(recent."attributes") AS e
    GROUP BY 1, 2 ORDER BY 3 DESC, 1`;
  // The AI's share is a column, not an attribute, and criteria address it as "aiShare".
  const [share] = await db().$queryRaw<{ seen: number; examples: string[] | null }[]>`
    WITH recent AS (
      SELECT "aiShare" FROM attempt WHERE "definitionId" = ${definition.id}::uuid ORDER BY "occurredAt" DESC LIMIT 2000
    )
    SELECT count("aiShare")::int AS "seen", (array_agg(DISTINCT "aiShare"::text))[1:5] AS "examples"
    FROM recent WHERE "aiShare" IS NOT NULL`;
  return [
    ...rows
      .filter((r) => r.type === "string" || r.type === "number" || r.type === "boolean")
      .map((r) => ({
        attribute: r.attribute,
        type: r.type as AttributeSuggestion["type"],
        seen: r.seen,
        examples: r.examples as (string | number | boolean)[],
      })),
    { attribute: "aiShare", type: "number", seen: share?.seen ?? 0, examples: (share?.examples ?? []).map(Number) },
  ];
}
