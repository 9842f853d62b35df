// The write path shared by ingestion and corrections: land new events, merge them into
// their attempts (created if missing, locked in id order), re-evaluate while the
// observation window is open, and write every attempt back in one statement.

import type { VersionRule } from "@/domain/evaluation/criteria";
import { evaluateAttempt } from "@/domain/evaluation/evaluate-attempt";
import { type AttemptState, type MergeableEvent, mergeEvents, recordLateEvents } from "@/domain/ingestion/merge-events";
import type { SqlTx } from "@/server/db";
import { holdBillingLocksShared } from "@/server/services/invoicing/billing-lock";
import {
  type AttemptEvaluation,
  type AttemptSkeleton,
  type AttemptUpdate,
  existingEventHashes,
  insertNewAttempts,
  insertNewEvents,
  type LockedAttempt,
  lockAttempts,
  type NewAttempt,
  type NewEventRow,
  toVersionRule,
  updateAttempts,
} from "./attempt-rows";

export async function applyEventsToAttempts(
  tx: SqlTx,
  rows: readonly NewEventRow[],
  skeletons: readonly AttemptSkeleton[],
  now: Date,
) {
  await holdBillingLocksShared(
    tx,
    rows.map((r) => r.customerId),
  );
  const inserted = await insertNewEvents(tx, rows);
  const existingHashes = await existingEventHashes(
    tx,
    rows.filter((r) => !inserted.has(r.eventId)).map((r) => r.eventId),
  );
  const eventsByAttempt = new Map<string, NewEventRow[]>();
  for (const r of rows) {
    if (!inserted.has(r.eventId)) continue;
    const events = eventsByAttempt.get(r.attemptId);
    if (events) events.push(r);
    else eventsByAttempt.set(r.attemptId, [r]);
  }
  // The attempts that exist, locked in id order; the others are created fully formed below.
  const attempts = await lockAttempts(tx, [...eventsByAttempt.keys()]);
  const toCreate = skeletons.filter((s) => eventsByAttempt.has(s.id) && !attempts.has(s.id));
  const versions = await loadVersions(tx, [
    ...[...attempts.values()].map((a) => a.definitionVersionId),
    ...toCreate.map((s) => s.definitionVersionId),
  ]);
  const nextOf = (attempt: LockedAttempt) => {
    const events = eventsByAttempt.get(attempt.id)!;
    return nextAttempt(
      attempt,
      events.map(toMergeable),
      events.find((e) => e.costCurrency)?.costCurrency ?? null,
      versions,
      now,
    );
  };

  const candidates: NewAttempt[] = toCreate.map((s) => {
    const { state, costCurrency, evaluation } = nextOf({
      id: s.id,
      customerId: s.customerId,
      definitionId: s.definitionId,
      definitionVersionId: s.definitionVersionId,
      state: null,
      finalizedAt: null,
      status: "pending",
    });
    return { ...s, state, costCurrency, evaluation: evaluation! };
  });
  const createdIds = await insertNewAttempts(tx, candidates);
  const created = candidates.filter((c) => createdIds.has(c.id));
  // Created by a concurrent batch after our lock: merge into that row, as into any existing one.
  const raced = candidates.filter((c) => !createdIds.has(c.id)).map((c) => c.id);
  if (raced.length > 0) {
    for (const [id, attempt] of await lockAttempts(tx, raced)) attempts.set(id, attempt);
    const missing = [...attempts.values()].map((a) => a.definitionVersionId).filter((id) => !versions.has(id));
    if (missing.length > 0) for (const [id, version] of await loadVersions(tx, missing)) versions.set(id, version);
  }

  const updates = [...attempts.values()].map(nextOf);
  await updateAttempts(tx, attempts, updates, created);
  return { inserted, existingHashes, attemptsTouched: attempts.size + created.length };
}

/**
 * Merges events into one attempt. While the observation window is open the attempt is
 * re-evaluated; once closed its status is final and later events only join the trail.
 */
export function nextAttempt(
  attempt: LockedAttempt,
  events: readonly MergeableEvent[],
  costCurrency: string | null,
  versions: ReadonlyMap<string, VersionRule>,
  now: Date,
): AttemptUpdate {
  if (attempt.finalizedAt && attempt.state) {
    return { id: attempt.id, state: recordLateEvents(attempt.state, events), costCurrency, evaluation: null };
  }
  const version = versions.get(attempt.definitionVersionId);
  if (!version) throw new Error(`Definition version ${attempt.definitionVersionId} is missing.`);
  const state = mergeEvents(attempt.state, events);
  return { id: attempt.id, state, costCurrency, evaluation: evaluate(state, version, now) };
}

export function evaluate(state: AttemptState, version: VersionRule, now: Date): AttemptEvaluation {
  const trace = evaluateAttempt(
    { attributes: state.attributes, aiShare: state.aiShare, occurredAt: state.occurredAt },
    version,
    now,
  );
  return {
    status: trace.status,
    trace,
    windowClosesAt: new Date(trace.windowClosesAt),
    evaluatedAt: now,
    finalizedAt: trace.final ? now : null,
  };
}

export async function loadVersions(tx: SqlTx, ids: readonly string[]): Promise<Map<string, VersionRule>> {
  if (ids.length === 0) return new Map();
  // Raw SQL: once per batch on the hot path, where the ORM's query compiler costs more than the read.
  const rows = await tx.$queryRaw<Parameters<typeof toVersionRule>[0][]>`
    SELECT "id"::text AS "id", "number", "criteria", "observationWindowHours",
      "effectiveFrom", "status"::text AS "status"
    FROM definition_version WHERE "id" = ANY(${[...new Set(ids)]}::text[]::uuid[])`;
  return new Map(rows.map((v) => [v.id, toVersionRule(v)]));
}

export function toMergeable(
  row: Pick<NewEventRow, "occurredAt" | "attributes" | "aiShare" | "costAmount">,
): MergeableEvent {
  return { occurredAt: row.occurredAt, attributes: row.attributes, aiShare: row.aiShare, costAmount: row.costAmount };
}
