// Corrections without rewriting history: an amendment or a void supersedes an event, the
// original stays in the evidence trail marked as superseded, and the attempt is rebuilt
// from its remaining events and re-evaluated, with the change audited.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import type { AttributeValue, EvaluationTrace } from "@/domain/evaluation/criteria";
import { mergeEvents } from "@/domain/ingestion/merge-events";
import { usageDeltas } from "@/domain/invoicing/usage-delta";
import type { Prisma } from "@/generated/prisma/client";
import { clock } from "@/server/clock";
import { type Tx, transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { holdBillingLocksShared } from "@/server/services/invoicing/billing-lock";
import { evaluate, loadVersions, toMergeable } from "./apply-events";
import { applyUsageDeltas, insertNewEvents, type LockedAttempt, lockAttempts, updateAttempts } from "./attempt-rows";
import { IngestEventInput } from "./ingest-event-schema";
import { contentHashOf } from "./ingest-events";

export const AmendEventInput = IngestEventInput.omit({ id: true });
export const VoidEventInput = z.strictObject({
  reason: text().trim().min(1, "Say why the event is void.").max(2_000),
});

export interface CorrectionResult {
  id: string;
  status: "amended" | "voided" | "duplicate";
  attemptId: string;
  outcome: { status: string; final: boolean };
}

export async function amendEvent({
  actor,
  eventId,
  input,
}: {
  actor: Actor;
  eventId: string;
  input: unknown;
}): Promise<CorrectionResult> {
  const body = AmendEventInput.parse(input);
  const contentHash = contentHashOf({ id: eventId, ...body });
  const amendmentId = `${eventId}#amend-${contentHash.slice(0, 16)}`;
  return correct(actor, eventId, "event.amended", async (tx, original, active) => {
    if (
      body.customer !== original.customerRef ||
      body.definition !== original.definitionKey ||
      body.subject !== original.subject
    ) {
      throw new AppError(
        "VALIDATION_FAILED",
        "An amendment must keep the event's customer, definition and subject. To move an event, void it and send a new one.",
        [{ path: "subject", message: "Must stay the same as the original event's." }],
      );
    }
    if (active.eventId === amendmentId) return "duplicate";
    if (body.cost && body.cost.currency !== original.currency) {
      throw new AppError("VALIDATION_FAILED", `Send costs in ${original.currency}.`, [
        { path: "cost.currency", message: `Must be ${original.currency}.` },
      ]);
    }
    const inserted = await insertNewEvents(tx, [
      {
        eventId: amendmentId,
        originalEventId: eventId,
        kind: "amendment",
        contentHash,
        customerId: active.customerId,
        attemptId: active.attemptId,
        occurredAt: body.occurredAt,
        attributes: body.attributes,
        evidence: body.evidence,
        costAmount: body.cost?.amount ?? null,
        costCurrency: body.cost?.currency ?? null,
        aiShare: body.aiShare === undefined ? null : String(body.aiShare),
        apiKeyId: actor.kind === "api-key" ? actor.apiKeyId : null,
        receivedAt: clock.now(),
      },
    ]);
    if (inserted.size === 0) {
      throw new AppError(
        "CONFLICT",
        "This amendment was applied before and has since been replaced; send a different correction.",
      );
    }
    await tx.ingestEvent.update({
      where: { id: active.id },
      data: { supersededAt: clock.now(), supersededBy: amendmentId },
    });
    return "amended";
  });
}

export async function voidEvent({
  actor,
  eventId,
  input,
}: {
  actor: Actor;
  eventId: string;
  input: unknown;
}): Promise<CorrectionResult> {
  const { reason } = VoidEventInput.parse(input);
  return correct(
    actor,
    eventId,
    "event.voided",
    async (tx, _original, active) => {
      await tx.ingestEvent.update({
        where: { id: active.id },
        data: { supersededAt: clock.now(), voidReason: reason },
      });
      return "voided";
    },
    reason,
  );
}

type ActiveEvent = { id: string; eventId: string; customerId: string; attemptId: string };
type OriginalContext = { customerRef: string; definitionKey: string; subject: string; currency: string };

async function correct(
  actor: Actor,
  eventId: string,
  action: "event.amended" | "event.voided",
  supersede: (tx: Tx, original: OriginalContext, active: ActiveEvent) => Promise<"amended" | "voided" | "duplicate">,
  voidReason?: string,
): Promise<CorrectionResult> {
  return transaction(async (tx) => {
    const original = await tx.ingestEvent.findUnique({
      where: { eventId },
      select: { attemptId: true, kind: true, customerId: true },
    });
    if (original?.kind !== "original") throw AppError.notFound(`The event "${eventId}"`);
    await holdBillingLocksShared(tx, [original.customerId]);
    const [locked] = (await lockAttempts(tx, [original.attemptId])).values();
    if (!locked) throw AppError.notFound(`The attempt of event "${eventId}"`);
    const attempt = await tx.attempt.findUniqueOrThrow({
      where: { id: locked.id },
      select: {
        subject: true,
        status: true,
        attributes: true,
        customer: { select: { externalId: true, currency: true } },
        definition: { select: { key: true } },
      },
    });
    const active = await tx.ingestEvent.findFirst({ where: { originalEventId: eventId, supersededAt: null } });
    if (!active) {
      if (voidReason !== undefined)
        return {
          id: eventId,
          status: "duplicate",
          attemptId: locked.id,
          outcome: { status: attempt.status, final: true },
        };
      throw new AppError("CONFLICT", `The event "${eventId}" was voided; send a new event instead of amending it.`);
    }
    const context = {
      customerRef: attempt.customer.externalId,
      definitionKey: attempt.definition.key,
      subject: attempt.subject,
      currency: attempt.customer.currency,
    };
    const status = await supersede(tx, context, active);
    if (status === "duplicate")
      return {
        id: eventId,
        status,
        attemptId: locked.id,
        outcome: { status: attempt.status, final: locked.finalizedAt !== null },
      };

    const outcome = await rebuildAttempt(tx, locked);
    await appendAuditEntry(tx, {
      actor,
      action,
      subjectType: "ingest_event",
      subjectId: eventId,
      customerId: locked.customerId,
      before: { outcome: attempt.status, attributes: attempt.attributes },
      after: { outcome: outcome.status, attributes: outcome.attributes, ...(voidReason && { reason: voidReason }) },
    });
    return { id: eventId, status, attemptId: locked.id, outcome: { status: outcome.status, final: outcome.final } };
  });
}

/** Rebuilds an attempt from its active events and evaluates it again, window closed or not. */
async function rebuildAttempt(tx: Tx, locked: LockedAttempt) {
  const { id: attemptId, definitionVersionId: versionId } = locked;
  const events = await tx.ingestEvent.findMany({
    where: { attemptId, supersededAt: null },
    orderBy: [{ occurredAt: "asc" }, { receivedAt: "asc" }],
  });
  const versions = await loadVersions(tx, [versionId]);
  const now = clock.now();
  if (events.length === 0) {
    const kept = await tx.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    const version = versions.get(versionId)!;
    const trace: EvaluationTrace = {
      status: "not_billable",
      final: true,
      versionId,
      versionNumber: version.number,
      windowClosesAt: kept.windowClosesAt.toISOString(),
      evaluatedAt: now.toISOString(),
      criteria: [],
      note: "Every event of this attempt was voided by the provider.",
    };
    if (locked.state) {
      const facts = {
        customerId: locked.customerId,
        definitionId: locked.definitionId,
        occurredAt: locked.state.occurredAt,
      };
      // A fully voided attempt was never really made: it no longer counts, not even as an attempt.
      await applyUsageDeltas(tx, usageDeltas([{ before: { ...facts, status: locked.status }, after: null }]));
    }
    await tx.attempt.update({
      where: { id: attemptId },
      data: {
        status: "not_billable",
        trace: trace as unknown as Prisma.InputJsonValue,
        attributes: {},
        eventCount: 0,
        voided: true,
        costAmount: "0",
        evaluatedAt: now,
        finalizedAt: kept.finalizedAt ?? now,
      },
    });
    return { status: "not_billable", final: true, attributes: {} };
  }
  const state = mergeEvents(
    null,
    events.map((e) =>
      toMergeable({
        occurredAt: e.occurredAt,
        attributes: e.attributes as Record<string, AttributeValue>,
        aiShare: e.aiShare?.toString() ?? null,
        costAmount: e.costAmount?.toString() ?? null,
      }),
    ),
  );
  const evaluation = evaluate(state, versions.get(versionId)!, now);
  await updateAttempts(tx, new Map([[attemptId, locked]]), [
    { id: attemptId, state, costCurrency: events.find((e) => e.costCurrency)?.costCurrency ?? null, evaluation },
  ]);
  return { status: evaluation.status, final: evaluation.finalizedAt !== null, attributes: state.attributes };
}
