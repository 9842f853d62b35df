// Bulk reads and writes of attempts and events for ingestion: one statement per step for a
// whole batch (unnest arrays), because batching decides ingest throughput.
import type { AttributeValue, Criterion, VersionRule } from "@/domain/evaluation/criteria";
import type { AttemptState } from "@/domain/ingestion/merge-events";
import { type UsageDelta, usageDeltas } from "@/domain/invoicing/usage-delta";
import type { Prisma } from "@/generated/prisma/client";
import type { SqlTx } from "@/server/db";

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
  /**
   * When the event was received: the instant its batch is evaluated at (a status that becomes
   * final then already includes it), so the evidence trail can tell on-time from late events.
   */
  receivedAt: Date;
}

/**
 * A batch's rows as one JSON parameter, each row an array of its values in the order the
 * statement reads them (`r->>0`, `r->>1`, … in a subquery that names them). One string
 * instead of an array per column spares Prisma's and pg's per-item work on every array
 * element and the array literal's escaping of the JSON documents inside (attributes,
 * evidence, traces); rows as arrays rather than objects leave the column names out of every
 * row. Dates become ISO text here rather than through `Date.prototype.toJSON`, which takes
 * JSON.stringify off its fast path (twice the time on a batch's attempts).
 */
const jsonRows = (rows: readonly unknown[][]): string =>
  JSON.stringify(rows.map((row) => row.map((value) => (value instanceof Date ? value.toISOString() : value))));

/**
 * Inserts events whose id is new; returns the ids actually inserted (the rest already existed).
 * Each row's `receivedAt` comes from the clock, not the database's now(): the evidence trail
 * compares it with the attempt's window, which the clock decided.
 */
export async function insertNewEvents(tx: SqlTx, rows: readonly NewEventRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const payload = jsonRows(
    rows.map((r) => [
      r.eventId,
      r.originalEventId,
      r.kind,
      r.contentHash,
      r.customerId,
      r.attemptId,
      r.occurredAt,
      r.attributes,
      r.evidence,
      r.costAmount,
      r.costCurrency,
      r.aiShare,
      r.apiKeyId,
      r.receivedAt,
    ]),
  );
  // uuidv7(): time-ordered ids append to the primary key's right edge (built in since
  // PostgreSQL 18; the migration 20261125210000_uuidv7_fallback defines it on older servers).
  const inserted = await tx.$queryRaw<{ eventId: string }[]>`
    INSERT INTO ingest_event ("id", "eventId", "originalEventId", "kind", "contentHash", "customerId", "attemptId",
      "occurredAt", "attributes", "evidence", "costAmount", "costCurrency", "aiShare", "apiKeyId", "receivedAt")
    SELECT uuidv7(), v.event_id, v.original_event_id, v.kind, v.content_hash, v.customer_id, v.attempt_id,
      v.occurred_at, v.attributes, v.evidence, v.cost_amount, v.cost_currency, v.ai_share, v.api_key_id, v.received_at
    FROM (SELECT r->>0 AS event_id, r->>1 AS original_event_id, (r->>2)::ingest_event_kind AS kind, r->>3 AS content_hash,
        (r->>4)::uuid AS customer_id, (r->>5)::uuid AS attempt_id, (r->>6)::timestamptz AS occurred_at, r->7 AS attributes,
        r->8 AS evidence, (r->>9)::numeric AS cost_amount, r->>10 AS cost_currency, (r->>11)::numeric AS ai_share,
        (r->>12)::uuid AS api_key_id, (r->>13)::timestamptz AS received_at
      FROM jsonb_array_elements(${payload}::jsonb) AS e(r)) AS v
    ON CONFLICT ("eventId") DO NOTHING
    RETURNING "eventId"`;
  return new Set(inserted.map((r) => r.eventId));
}

export async function existingEventHashes(tx: SqlTx, eventIds: readonly string[]): Promise<Map<string, string>> {
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
 *
 * ON CONFLICT names no index, so every unique index of the table arbitrates: the primary key
 * and `attempt_by_subject`, which the derived id makes say the same thing. With `("id")`
 * alone, an insert that checked the primary key just before a concurrent batch inserted the
 * same row then met that row's entry in `attempt_by_subject`, waited for its commit and failed
 * with a unique violation, refusing its whole batch (issue 18).
 */
export async function insertNewAttempts(tx: SqlTx, attempts: readonly NewAttempt[]): Promise<Set<string>> {
  if (attempts.length === 0) return new Set();
  const payload = jsonRows(
    [...attempts]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((r) => [
        r.id,
        r.customerId,
        r.definitionId,
        r.subject,
        r.state.occurredAt,
        r.state.lastEventAt,
        r.state.attributes,
        r.state.attributeTimes,
        r.state.aiShare,
        r.state.costAmount,
        r.costCurrency,
        r.definitionVersionId,
        r.evaluation.status,
        r.evaluation.trace,
        r.evaluation.windowClosesAt,
        r.evaluation.evaluatedAt,
        r.evaluation.finalizedAt,
        r.state.eventCount,
      ]),
  );
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO attempt ("id", "customerId", "definitionId", "subject", "occurredAt", "lastEventAt", "attributes",
      "attributeTimes", "aiShare", "costAmount", "costCurrency", "definitionVersionId", "status", "trace", "windowClosesAt",
      "evaluatedAt", "finalizedAt", "eventCount", "updatedAt")
    SELECT v.id, v.customer_id, v.definition_id, v.subject, v.occurred_at, v.last_event_at, v.attributes,
      v.attribute_times, v.ai_share, v.cost_amount, v.cost_currency, v.version_id, v.status, v.trace, v.window_closes_at,
      v.evaluated_at, v.finalized_at, v.event_count, now()
    FROM (SELECT (r->>0)::uuid AS id, (r->>1)::uuid AS customer_id, (r->>2)::uuid AS definition_id, r->>3 AS subject,
        (r->>4)::timestamptz AS occurred_at, (r->>5)::timestamptz AS last_event_at, r->6 AS attributes,
        r->7 AS attribute_times, (r->>8)::numeric AS ai_share, (r->>9)::numeric AS cost_amount, r->>10 AS cost_currency,
        (r->>11)::uuid AS version_id, (r->>12)::outcome_status AS status, r->13 AS trace,
        (r->>14)::timestamptz AS window_closes_at, (r->>15)::timestamptz AS evaluated_at,
        (r->>16)::timestamptz AS finalized_at, (r->>17)::int AS event_count
      FROM jsonb_array_elements(${payload}::jsonb) AS e(r)) AS v
    ORDER BY v.id
    ON CONFLICT DO NOTHING
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
export async function lockAttempts(tx: SqlTx, ids: readonly string[]): Promise<Map<string, LockedAttempt>> {
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
  tx: SqlTx,
  locked: ReadonlyMap<string, LockedAttempt>,
  updates: readonly AttemptUpdate[],
  created: readonly NewAttempt[] = [],
): Promise<void> {
  if (updates.length === 0 && created.length === 0) return;
  // The rollup rows are shared by every batch of a customer: they are written after the
  // attempts, so each batch holds them only from here to its commit.
  const deltas = usageChangesOf(withCreated(locked, created), [...updates, ...created]);
  if (updates.length > 0) {
    const payload = jsonRows(
      updates.map((u) => [
        u.id,
        u.state.occurredAt,
        u.state.lastEventAt,
        u.state.attributes,
        u.state.attributeTimes,
        u.state.aiShare,
        u.state.costAmount,
        u.costCurrency,
        u.state.eventCount,
        u.evaluation !== null,
        u.evaluation?.status ?? null,
        u.evaluation?.trace ?? null,
        u.evaluation?.windowClosesAt ?? null,
        u.evaluation?.evaluatedAt ?? null,
        u.evaluation?.finalizedAt ?? null,
      ]),
    );
    // The ids also as a plain list: under row-level security PostgreSQL does not use the join
    // with the JSON rows to reach attempt through its primary key (the row-level policy must
    // see each row first), and would scan the whole table; a list of ids is an index condition.
    await tx.$executeRaw`
      UPDATE attempt AS a SET
        "occurredAt" = v.occurred_at, "lastEventAt" = v.last_event_at, "attributes" = v.attributes,
        "attributeTimes" = v.attribute_times, "aiShare" = v.ai_share, "costAmount" = v.cost_amount,
        "costCurrency" = COALESCE(v.cost_currency, a."costCurrency"), "eventCount" = v.event_count,
        "voided" = (v.event_count = 0),
        "status" = CASE WHEN v.evaluated THEN v.status ELSE a."status" END,
        "trace" = CASE WHEN v.evaluated THEN v.trace ELSE a."trace" END,
        "windowClosesAt" = CASE WHEN v.evaluated THEN v.window_closes_at ELSE a."windowClosesAt" END,
        "evaluatedAt" = CASE WHEN v.evaluated THEN v.evaluated_at ELSE a."evaluatedAt" END,
        "finalizedAt" = CASE WHEN v.evaluated THEN v.finalized_at ELSE a."finalizedAt" END,
        "updatedAt" = now()
      FROM (SELECT (r->>0)::uuid AS id, (r->>1)::timestamptz AS occurred_at, (r->>2)::timestamptz AS last_event_at,
          r->3 AS attributes, r->4 AS attribute_times, (r->>5)::numeric AS ai_share, (r->>6)::numeric AS cost_amount,
          r->>7 AS cost_currency, (r->>8)::int AS event_count, (r->>9)::boolean AS evaluated,
          (r->>10)::outcome_status AS status, r->11 AS trace, (r->>12)::timestamptz AS window_closes_at,
          (r->>13)::timestamptz AS evaluated_at, (r->>14)::timestamptz AS finalized_at
        FROM jsonb_array_elements(${payload}::jsonb) AS e(r)) AS v
      WHERE a."id" = ANY(${updates.map((u) => u.id)}::text[]::uuid[]) AND a."id" = v.id`;
  }
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
export async function applyUsageDeltas(tx: SqlTx, deltas: readonly UsageDelta[]): Promise<void> {
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
