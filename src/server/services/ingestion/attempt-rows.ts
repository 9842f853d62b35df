// Bulk reads and writes of attempts and events for ingestion: one statement per step for a
// whole batch (unnest arrays), because batching decides ingest throughput.
import type { AttributeValue, Criterion, VersionRule } from "@/domain/evaluation/criteria";
import type { AttemptState } from "@/domain/ingestion/merge-events";
import { type UsageDelta, usageDeltas } from "@/domain/invoicing/usage-delta";
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";

export interface NewEventRow {
  eventId: string;
  originalEventId: string;
  kind: "original" | "amendment";
  contentHash: string;
  customerId: string;
  attemptId: string;
  occurredAt: Date;
  attributes: Record<string, AttributeValue>;
  evidence: unknown[];
  costAmount: string | null;
  costCurrency: string | null;
  aiShare: string | null;
  apiKeyId: string | null;
}

/**
 * A batch's JSON documents (attributes, evidence, traces) as one jsonb array parameter, read back
 * row by row with `jsonb_array_elements` next to the `unnest` of the plain columns. One JSON text
 * instead of an array of JSON texts spares the array literal's escaping of every quote, which
 * cost more than the documents themselves; the values stored are the same.
 */
const jsonArray = (docs: readonly unknown[]): string => JSON.stringify(docs);

/** Inserts events whose id is new; returns the ids actually inserted (the rest already existed). */
export async function insertNewEvents(tx: Tx, rows: readonly NewEventRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const col = <K extends keyof NewEventRow>(key: K) => rows.map((r) => r[key]);
  const inserted = await tx.$queryRaw<{ eventId: string }[]>`
    INSERT INTO ingest_event ("id", "eventId", "originalEventId", "kind", "contentHash", "customerId", "attemptId",
      "occurredAt", "attributes", "evidence", "costAmount", "costCurrency", "aiShare", "apiKeyId")
    SELECT gen_random_uuid(), v.event_id, v.original_event_id, v.kind::ingest_event_kind, v.content_hash, v.customer_id::uuid,
      v.attempt_id::uuid, v.occurred_at::timestamptz, v.attributes, v.evidence, v.cost_amount::numeric,
      v.cost_currency, v.ai_share::numeric, v.api_key_id::uuid
    FROM ROWS FROM (unnest(${col("eventId")}::text[]), unnest(${col("originalEventId")}::text[]), unnest(${col("kind")}::text[]),
      unnest(${col("contentHash")}::text[]), unnest(${col("customerId")}::text[]), unnest(${col("attemptId")}::text[]),
      unnest(${rows.map((r) => r.occurredAt.toISOString())}::text[]),
      jsonb_array_elements(${jsonArray(col("attributes"))}::jsonb), jsonb_array_elements(${jsonArray(col("evidence"))}::jsonb),
      unnest(${col("costAmount")}::text[]), unnest(${col("costCurrency")}::text[]),
      unnest(${col("aiShare")}::text[]), unnest(${col("apiKeyId")}::text[]))
      AS v(event_id, original_event_id, kind, content_hash, customer_id, attempt_id, occurred_at, attributes, evidence,
        cost_amount, cost_currency, ai_share, api_key_id)
    ON CONFLICT ("eventId") DO NOTHING
    RETURNING "eventId"`;
  return new Set(inserted.map((r) => r.eventId));
}

export async function existingEventHashes(tx: Tx, eventIds: readonly string[]): Promise<Map<string, string>> {
  if (eventIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ eventId: string; contentHash: string }[]>`
    SELECT "eventId", "contentHash" FROM ingest_event WHERE "eventId" = ANY(${eventIds}::text[])`;
  return new Map(rows.map((r) => [r.eventId, r.contentHash]));
}

/** What a batch knows of an attempt it may have to create: who, what, and the version it starts under. */
export interface AttemptSkeleton {
  id: string;
  customerId: string;
  definitionId: string;
  subject: string;
  occurredAt: Date;
  definitionVersionId: string;
}

/** An attempt created by a batch: its first events merged and evaluated. */
export interface NewAttempt extends AttemptUpdate {
  customerId: string;
  definitionId: string;
  subject: string;
  definitionVersionId: string;
  evaluation: AttemptEvaluation;
}

/**
 * Creates attempts fully formed, in id order (so that concurrent batches lock in the same
 * order). Returns the ids inserted: an id missing from the result was created meanwhile by a
 * concurrent batch (whose commit the insert waited for), and its events must be merged into
 * that row instead.
 */
export async function insertNewAttempts(tx: Tx, attempts: readonly NewAttempt[]): Promise<Set<string>> {
  if (attempts.length === 0) return new Set();
  const rows = [...attempts].sort((a, b) => (a.id < b.id ? -1 : 1));
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO attempt ("id", "customerId", "definitionId", "subject", "occurredAt", "lastEventAt", "attributes",
      "attributeTimes", "aiShare", "costAmount", "costCurrency", "definitionVersionId", "status", "trace", "windowClosesAt",
      "evaluatedAt", "finalizedAt", "eventCount", "updatedAt")
    SELECT v.id::uuid, v.customer_id::uuid, v.definition_id::uuid, v.subject, v.occurred_at::timestamptz,
      v.last_event_at::timestamptz, v.attributes, v.attribute_times, v.ai_share::numeric, v.cost_amount::numeric,
      v.cost_currency, v.version_id::uuid, v.status::outcome_status, v.trace, v.window_closes_at::timestamptz,
      v.evaluated_at::timestamptz, v.finalized_at::timestamptz, v.event_count, now()
    FROM ROWS FROM (unnest(${rows.map((r) => r.id)}::text[]), unnest(${rows.map((r) => r.customerId)}::text[]),
      unnest(${rows.map((r) => r.definitionId)}::text[]), unnest(${rows.map((r) => r.subject)}::text[]),
      unnest(${rows.map((r) => r.state.occurredAt.toISOString())}::text[]),
      unnest(${rows.map((r) => r.state.lastEventAt.toISOString())}::text[]),
      jsonb_array_elements(${jsonArray(rows.map((r) => r.state.attributes))}::jsonb),
      jsonb_array_elements(${jsonArray(rows.map((r) => r.state.attributeTimes))}::jsonb),
      unnest(${rows.map((r) => r.state.aiShare)}::text[]), unnest(${rows.map((r) => r.state.costAmount)}::text[]),
      unnest(${rows.map((r) => r.costCurrency)}::text[]), unnest(${rows.map((r) => r.definitionVersionId)}::text[]),
      unnest(${rows.map((r) => r.evaluation.status)}::text[]),
      jsonb_array_elements(${jsonArray(rows.map((r) => r.evaluation.trace))}::jsonb),
      unnest(${rows.map((r) => r.evaluation.windowClosesAt.toISOString())}::text[]),
      unnest(${rows.map((r) => r.evaluation.evaluatedAt.toISOString())}::text[]),
      unnest(${rows.map((r) => r.evaluation.finalizedAt?.toISOString() ?? null)}::text[]),
      unnest(${rows.map((r) => r.state.eventCount)}::int[]))
      AS v(id, customer_id, definition_id, subject, occurred_at, last_event_at, attributes, attribute_times, ai_share,
        cost_amount, cost_currency, version_id, status, trace, window_closes_at, evaluated_at, finalized_at, event_count)
    ORDER BY v.id
    ON CONFLICT ("id") DO NOTHING
    RETURNING "id"`;
  return new Set(inserted.map((r) => r.id));
}

export interface LockedAttempt {
  id: string;
  customerId: string;
  definitionId: string;
  definitionVersionId: string;
  state: AttemptState | null;
  finalizedAt: Date | null;
  status: "pending" | "billable" | "not_billable";
}

interface AttemptRow {
  id: string;
  customerId: string;
  definitionId: string;
  definitionVersionId: string;
  occurredAt: Date;
  lastEventAt: Date;
  attributes: Record<string, AttributeValue>;
  attributeTimes: Record<string, string>;
  aiShare: Prisma.Decimal | null;
  costAmount: Prisma.Decimal;
  eventCount: number;
  finalizedAt: Date | null;
  status: LockedAttempt["status"];
}

/** Locks the attempts for the rest of the transaction, in id order (no deadlocks between batches). */
export async function lockAttempts(tx: Tx, ids: readonly string[]): Promise<Map<string, LockedAttempt>> {
  const rows = await tx.$queryRaw<AttemptRow[]>`
    SELECT "id", "customerId", "definitionId", "definitionVersionId", "occurredAt", "lastEventAt", "attributes", "attributeTimes",
      "aiShare", "costAmount", "eventCount", "finalizedAt", "status"
    FROM attempt WHERE "id" = ANY(${[...ids]}::text[]::uuid[]) ORDER BY "id" FOR UPDATE`;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        customerId: r.customerId,
        definitionId: r.definitionId,
        definitionVersionId: r.definitionVersionId,
        finalizedAt: r.finalizedAt,
        status: r.status,
        state:
          r.eventCount === 0
            ? null
            : {
                occurredAt: r.occurredAt,
                lastEventAt: r.lastEventAt,
                attributes: r.attributes,
                attributeTimes: r.attributeTimes,
                aiShare: r.aiShare === null ? null : r.aiShare.toString(),
                costAmount: r.costAmount.toString(),
                eventCount: r.eventCount,
              },
      },
    ]),
  );
}

export interface AttemptEvaluation {
  status: "pending" | "billable" | "not_billable";
  trace: unknown;
  windowClosesAt: Date;
  evaluatedAt: Date;
  finalizedAt: Date | null;
}

export interface AttemptUpdate {
  id: string;
  state: AttemptState;
  costCurrency: string | null;
  /** Null keeps the stored evaluation (the attempt's status is already final). */
  evaluation: AttemptEvaluation | null;
}

/**
 * Writes attempts back and moves their usage counts in the rollup, in the same transaction.
 * `created` are the attempts this transaction has just inserted (`insertNewAttempts`): they
 * count in the rollup from now on, as attempts that counted nothing before.
 */
export async function updateAttempts(
  tx: Tx,
  locked: ReadonlyMap<string, LockedAttempt>,
  updates: readonly AttemptUpdate[],
  created: readonly NewAttempt[] = [],
): Promise<void> {
  if (updates.length === 0 && created.length === 0) return;
  // The rollup rows are shared by every batch of a customer: they are written after the
  // attempts, so each batch holds them only from here to its commit.
  const deltas = usageChangesOf(withCreated(locked, created), [...updates, ...created]);
  const u = updates;
  if (u.length > 0)
    await tx.$executeRaw`
    UPDATE attempt AS a SET
      "occurredAt" = v.occurred_at::timestamptz, "lastEventAt" = v.last_event_at::timestamptz,
      "attributes" = v.attributes, "attributeTimes" = v.attribute_times, "aiShare" = v.ai_share::numeric,
      "costAmount" = v.cost_amount::numeric, "costCurrency" = COALESCE(v.cost_currency, a."costCurrency"),
      "eventCount" = v.event_count,
      "status" = CASE WHEN v.evaluated THEN v.status::outcome_status ELSE a."status" END,
      "trace" = CASE WHEN v.evaluated THEN v.trace ELSE a."trace" END,
      "windowClosesAt" = CASE WHEN v.evaluated THEN v.window_closes_at::timestamptz ELSE a."windowClosesAt" END,
      "evaluatedAt" = CASE WHEN v.evaluated THEN v.evaluated_at::timestamptz ELSE a."evaluatedAt" END,
      "finalizedAt" = CASE WHEN v.evaluated THEN v.finalized_at::timestamptz ELSE a."finalizedAt" END,
      "updatedAt" = now()
    FROM ROWS FROM (unnest(${u.map((x) => x.id)}::text[]), unnest(${u.map((x) => x.state.occurredAt.toISOString())}::text[]),
      unnest(${u.map((x) => x.state.lastEventAt.toISOString())}::text[]),
      jsonb_array_elements(${jsonArray(u.map((x) => x.state.attributes))}::jsonb),
      jsonb_array_elements(${jsonArray(u.map((x) => x.state.attributeTimes))}::jsonb),
      unnest(${u.map((x) => x.state.aiShare)}::text[]), unnest(${u.map((x) => x.state.costAmount)}::text[]),
      unnest(${u.map((x) => x.costCurrency)}::text[]), unnest(${u.map((x) => x.state.eventCount)}::int[]),
      unnest(${u.map((x) => x.evaluation !== null)}::boolean[]), unnest(${u.map((x) => x.evaluation?.status ?? null)}::text[]),
      jsonb_array_elements(${jsonArray(u.map((x) => x.evaluation?.trace ?? null))}::jsonb),
      unnest(${u.map((x) => x.evaluation?.windowClosesAt.toISOString() ?? null)}::text[]),
      unnest(${u.map((x) => x.evaluation?.evaluatedAt.toISOString() ?? null)}::text[]),
      unnest(${u.map((x) => x.evaluation?.finalizedAt?.toISOString() ?? null)}::text[]))
      AS v(id, occurred_at, last_event_at, attributes, attribute_times, ai_share, cost_amount, cost_currency, event_count,
        evaluated, status, trace, window_closes_at, evaluated_at, finalized_at)
    WHERE a."id" = v.id::uuid`;
  await applyUsageDeltas(tx, deltas);
}

/** The locked attempts plus the ones just created, which had no state (counted nothing) before. */
function withCreated(
  locked: ReadonlyMap<string, LockedAttempt>,
  created: readonly NewAttempt[],
): ReadonlyMap<string, LockedAttempt> {
  if (created.length === 0) return locked;
  const all = new Map(locked);
  for (const c of created) {
    all.set(c.id, {
      id: c.id,
      customerId: c.customerId,
      definitionId: c.definitionId,
      definitionVersionId: c.definitionVersionId,
      state: null,
      finalizedAt: null,
      status: "pending",
    });
  }
  return all;
}

/** The published (or retired) versions of definitions, as evaluation rules, by id. */
export function toVersionRule(v: {
  id: string;
  number: number;
  criteria: Prisma.JsonValue;
  observationWindowHours: number;
  effectiveFrom: Date | null;
  status: "draft" | "published" | "retired";
}): VersionRule {
  return {
    id: v.id,
    number: v.number,
    criteria: v.criteria as unknown as Criterion[],
    observationWindowHours: v.observationWindowHours,
    effectiveFrom: v.effectiveFrom,
    status: v.status,
  };
}

/** Adds usage deltas to the daily and monthly rollups (in key order, so concurrent batches do not deadlock). */
export async function applyUsageDeltas(tx: Tx, deltas: readonly UsageDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const d = deltas;
  await tx.$executeRaw`
    INSERT INTO usage_daily ("customerId", "day", "definitionId", "attempts", "billable", "pending")
    SELECT v.customer_id::uuid, v.day::date, v.definition_id::uuid, v.attempts, v.billable, v.pending
    FROM unnest(${d.map((x) => x.customerId)}::text[], ${d.map((x) => x.day.toISOString().slice(0, 10))}::text[],
      ${d.map((x) => x.definitionId)}::text[], ${d.map((x) => x.attempts)}::int[], ${d.map((x) => x.billable)}::int[],
      ${d.map((x) => x.pending)}::int[]) AS v(customer_id, day, definition_id, attempts, billable, pending)
    ORDER BY 1, 2, 3
    ON CONFLICT ("customerId", "day", "definitionId") DO UPDATE SET
      "attempts" = usage_daily."attempts" + excluded."attempts",
      "billable" = usage_daily."billable" + excluded."billable",
      "pending" = usage_daily."pending" + excluded."pending"`;
  await tx.$executeRaw`
    INSERT INTO usage_rollup ("customerId", "periodStart", "definitionId", "attempts", "billable", "pending")
    SELECT v.customer_id::uuid, v.period_start::timestamptz, v.definition_id::uuid, sum(v.attempts), sum(v.billable), sum(v.pending)
    FROM unnest(${d.map((x) => x.customerId)}::text[], ${d.map((x) => x.periodStart.toISOString())}::text[],
      ${d.map((x) => x.definitionId)}::text[], ${d.map((x) => x.attempts)}::int[], ${d.map((x) => x.billable)}::int[],
      ${d.map((x) => x.pending)}::int[]) AS v(customer_id, period_start, definition_id, attempts, billable, pending)
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
    ON CONFLICT ("customerId", "periodStart", "definitionId") DO UPDATE SET
      "attempts" = usage_rollup."attempts" + excluded."attempts",
      "billable" = usage_rollup."billable" + excluded."billable",
      "pending" = usage_rollup."pending" + excluded."pending"`;
}

/** The usage change of rewriting attempts: what each counted before, and what it counts after. */
export function usageChangesOf(
  locked: ReadonlyMap<string, LockedAttempt>,
  updates: readonly AttemptUpdate[],
): UsageDelta[] {
  return usageDeltas(
    updates.map((u) => {
      const before = locked.get(u.id)!;
      const facts = (occurredAt: Date, status: LockedAttempt["status"]) => ({
        customerId: before.customerId,
        definitionId: before.definitionId,
        occurredAt,
        status,
      });
      return {
        before: before.state ? facts(before.state.occurredAt, before.status) : null,
        after: facts(u.state.occurredAt, u.evaluation?.status ?? before.status),
      };
    }),
  );
}
