// The write path shared by ingestion and corrections: land new events, merge them into
// their attempts (created if missing, locked in id order), re-evaluate while the
// observation window is open, and write every attempt back in one statement.

import type { VersionRule } from "@/domain/evaluation/criteria";
import { evaluateAttempt } from "@/domain/evaluation/evaluate-attempt";
import { type AttemptState, type MergeableEvent, mergeEvents, recordLateEvents } from "@/domain/ingestion/merge-events";
import { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/server/db";
import { holdBillingLocksShared } from "@/server/services/invoicing/billing-lock";
import {
  type AttemptEvaluation,
  type AttemptSkeleton,
  type AttemptUpdate,
  existingEventHashes,
  insertMissingAttempts,
  insertNewEvents,
  type LockedAttempt,
  lockAttempts,
  type NewEventRow,
  toVersionRule,
  updateAttempts,
} from "./attempt-rows";

export async function applyEventsToAttempts(
  tx: Tx,
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
  const landed = rows.filter((r) => inserted.has(r.eventId));
  const attemptIds = new Set(landed.map((r) => r.attemptId));
  await insertMissingAttempts(
    tx,
    skeletons.filter((s) => attemptIds.has(s.id)),
  );
  const attempts = await lockAttempts(tx, [...attemptIds]);
  const versions = await loadVersions(
    tx,
    [...attempts.values()].map((a) => a.definitionVersionId),
  );

  const updates: AttemptUpdate[] = [];
  for (const attempt of attempts.values()) {
    const events = landed.filter((r) => r.attemptId === attempt.id);
    updates.push(
      nextAttempt(
        attempt,
        events.map(toMergeable),
        events.find((e) => e.costCurrency)?.costCurrency ?? null,
        versions,
        now,
      ),
    );
  }
  await updateAttempts(tx, attempts, updates);
  return { inserted, existingHashes, attemptsTouched: attempts.size };
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

export async function loadVersions(tx: Tx, ids: readonly string[]): Promise<Map<string, VersionRule>> {
  const rows = await tx.definitionVersion.findMany({ where: { id: { in: [...new Set(ids)] } } });
  return new Map(rows.map((v) => [v.id, toVersionRule(v)]));
}

export function toMergeable(
  row: Pick<NewEventRow, "occurredAt" | "attributes" | "aiShare" | "costAmount">,
): MergeableEvent {
  return { occurredAt: row.occurredAt, attributes: row.attributes, aiShare: row.aiShare, costAmount: row.costAmount };
}

/** Two batches touching the same attempts can still deadlock on index entries; retry those. */
export async function withRetryOnDeadlock<T>(work: () => Promise<T>, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts || !isDeadlock(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
    }
  }
}

function isDeadlock(error: unknown): boolean {
  const text =
    error instanceof Prisma.PrismaClientKnownRequestError ? JSON.stringify(error.meta) + error.message : String(error);
  return /40P01|deadlock detected|40001|could not serialize/i.test(text);
}
