// POST /api/v1/events: validates every item on its own, then lands all good items of the
// batch in one transaction. Idempotent per event id: the unique index on the id is the lock,
// so a retried or concurrently repeated event lands exactly once.
import { createHash, randomUUID } from "node:crypto";
import type { Actor } from "@/domain/actor";
import { canonicalJson } from "@/domain/canonical-json";
import type { VersionRule } from "@/domain/evaluation/criteria";
import { chooseVersion } from "@/domain/evaluation/evaluate-attempt";
import { attemptIdFor } from "@/domain/ingestion/attempt-identity";
import type { Prisma } from "@/generated/prisma/client";
import { clock } from "@/server/clock";
import { sqlOnPool, sqlTransaction } from "@/server/db";
import { fieldErrorsFromZod } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { applyEventsToAttempts } from "./apply-events";
import { type AttemptSkeleton, type NewEventRow, toVersionRule } from "./attempt-rows";
import { type IngestBatchResult, IngestEventInput, type ItemResult } from "./ingest-event-schema";

interface DefinitionVersionRow {
  definitionId: string;
  key: string;
  /** Null (with the other version columns) for a definition without a published or retired version. */
  id: string | null;
  number: number;
  criteria: Prisma.JsonValue;
  observationWindowHours: number;
  effectiveFrom: Date | null;
  status: "draft" | "published" | "retired";
}

interface ValidItem {
  index: number;
  input: IngestEventInput;
  row: NewEventRow;
  definitionId: string;
  versionId: string;
}

export function contentHashOf(input: IngestEventInput): string {
  const { id: _id, ...content } = input;
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/**
 * `now` is when the batch is received and evaluated, and each event's receivedAt. Only the demo
 * seed's replay of history passes `receivedAt`, one instant per item at or before `now`, so that
 * its events arrive as a provider's do: seconds or minutes after they happen, not all at once.
 */
export async function ingestEvents({
  actor,
  items,
  now = clock.now(),
  receivedAt,
}: {
  actor: Actor;
  items: readonly unknown[];
  now?: Date;
  receivedAt?: readonly Date[];
}): Promise<IngestBatchResult> {
  if (receivedAt && (receivedAt.length !== items.length || receivedAt.some((at) => at > now))) {
    throw new Error("receivedAt needs one instant per item, none after the batch's own instant.");
  }
  const results: ItemResult[] = items.map((raw, index) => ({ index, id: idOf(raw), status: "rejected" }));
  const parsed = validateItems(items, results);
  const valid = await resolveReferences(parsed, results, actor, (index) => receivedAt?.[index] ?? now);

  if (valid.length > 0) {
    // On pg directly, not through Prisma: every statement here is raw SQL, and Prisma's
    // round trip of the batch's large JSON parameters cost a tenth of the server's CPU.
    await sqlTransaction(
      async (tx) => {
        const outcome = await applyEventsToAttempts(
          tx,
          valid.map((v) => v.row),
          attemptsToCreate(valid),
          now,
        );
        for (const item of valid) {
          const existing = outcome.existingHashes.get(item.row.eventId);
          results[item.index] = outcome.inserted.has(item.row.eventId)
            ? { index: item.index, id: item.row.eventId, status: "accepted", attemptId: item.row.attemptId }
            : existing === item.row.contentHash
              ? {
                  index: item.index,
                  id: item.row.eventId,
                  status: "duplicate",
                  attemptId: item.row.attemptId,
                  message: "Already received; nothing changed.",
                }
              : conflict(
                  item.index,
                  item.row.eventId,
                  "An event with this id was already received with different content; nothing changed. Use /amend to correct it.",
                );
        }
        const accepted = valid.filter((v) => outcome.inserted.has(v.row.eventId));
        if (accepted.length > 0) {
          const customers = [...new Set(accepted.map((v) => v.row.customerId))];
          await appendAuditEntry(tx, {
            actor,
            action: "events.ingested",
            subjectType: "ingest_batch",
            subjectId: randomUUID(),
            customerId: customers.length === 1 ? customers[0]! : null,
            after: { ...summarize(results), attempts: outcome.attemptsTouched, customers },
          });
        }
      },
      { timeoutMs: 60_000 },
    );
  }
  return { results, summary: summarize(results) };
}

function idOf(raw: unknown): string | null {
  return raw && typeof raw === "object" && "id" in raw && typeof raw.id === "string" ? raw.id : null;
}

const conflict = (index: number, id: string, message: string): ItemResult => ({
  index,
  id,
  status: "conflict",
  message,
});

function summarize(results: readonly ItemResult[]) {
  const count = (status: ItemResult["status"]) => results.filter((r) => r.status === status).length;
  return {
    accepted: count("accepted"),
    duplicate: count("duplicate"),
    conflict: count("conflict"),
    rejected: count("rejected"),
  };
}

/** Field checks item by item; repeats of one id inside the batch are settled here. */
function validateItems(items: readonly unknown[], results: ItemResult[]) {
  const firstById = new Map<string, { index: number; hash: string }>();
  const parsed: { index: number; input: IngestEventInput; hash: string }[] = [];
  items.forEach((raw, index) => {
    const result = IngestEventInput.safeParse(raw);
    if (!result.success) {
      results[index] = { index, id: idOf(raw), status: "rejected", errors: fieldErrorsFromZod(result.error) };
      return;
    }
    const hash = contentHashOf(result.data);
    const first = firstById.get(result.data.id);
    if (first) {
      results[index] =
        first.hash === hash
          ? { index, id: result.data.id, status: "duplicate", message: `Same as item ${first.index} of this batch.` }
          : conflict(
              index,
              result.data.id,
              `Item ${first.index} of this batch has the same id with different content.`,
            );
      return;
    }
    firstById.set(result.data.id, { index, hash });
    parsed.push({ index, input: result.data, hash });
  });
  return parsed;
}

/** Customers, definitions and the version in force; unknown names reject the item. */
async function resolveReferences(
  parsed: ReturnType<typeof validateItems>,
  results: ItemResult[],
  actor: Actor,
  receivedAtOf: (index: number) => Date,
): Promise<ValidItem[]> {
  if (parsed.length === 0) return [];
  // Raw SQL on pg rather than the ORM: these run once per batch on the hot path, where the
  // query compiler's planning and the relation join cost more than the statements themselves.
  const customerRefs = [...new Set(parsed.map((p) => p.input.customer))];
  const definitionKeys = [...new Set(parsed.map((p) => p.input.definition))];
  const [customers, versionRows] = await Promise.all([
    sqlOnPool().$queryRaw<{ id: string; externalId: string; currency: string }[]>`
      SELECT "id"::text AS "id", "externalId", "currency"::text AS "currency"
      FROM customer WHERE "externalId" = ANY(${customerRefs}::text[])`,
    sqlOnPool().$queryRaw<DefinitionVersionRow[]>`
      SELECT d."id"::text AS "definitionId", d."key", v."id"::text AS "id", v."number", v."criteria",
        v."observationWindowHours", v."effectiveFrom", v."status"::text AS "status"
      FROM outcome_definition AS d
      LEFT JOIN definition_version AS v ON v."definitionId" = d."id" AND v."status" IN ('published', 'retired')
      WHERE d."key" = ANY(${definitionKeys}::text[])`,
  ]);
  const customerByRef = new Map(customers.map((c) => [c.externalId, c]));
  const definitionByKey = new Map<string, { id: string; key: string; rules: VersionRule[] }>();
  for (const row of versionRows) {
    let definition = definitionByKey.get(row.key);
    if (!definition) {
      definition = { id: row.definitionId, key: row.key, rules: [] };
      definitionByKey.set(row.key, definition);
    }
    if (row.id !== null) definition.rules.push(toVersionRule(row as DefinitionVersionRow & { id: string }));
  }
  const apiKeyId = actor.kind === "api-key" ? actor.apiKeyId : null;

  const valid: ValidItem[] = [];
  for (const { index, input, hash } of parsed) {
    const reject = (path: string, message: string) => {
      results[index] = { index, id: input.id, status: "rejected", errors: [{ path, message }] };
    };
    const customer = customerByRef.get(input.customer);
    const definition = definitionByKey.get(input.definition);
    if (!customer) {
      reject(
        "customer",
        `No customer has the external id "${input.customer}". Create it with PUT /api/v1/customers/${input.customer}.`,
      );
      continue;
    }
    if (!definition) {
      reject("definition", `No outcome definition has the key "${input.definition}".`);
      continue;
    }
    if (input.cost && input.cost.currency !== customer.currency) {
      reject(
        "cost.currency",
        `${customer.externalId} is billed in ${customer.currency}; send costs in ${customer.currency}.`,
      );
      continue;
    }
    const version = chooseVersion(definition.rules, input.occurredAt);
    if (!version) {
      reject(
        "occurredAt",
        `No published version of "${definition.key}" was in force at ${input.occurredAt.toISOString()}.`,
      );
      continue;
    }
    const attemptId = attemptIdFor(customer.id, definition.id, input.subject);
    valid.push({
      index,
      input,
      definitionId: definition.id,
      versionId: version.id,
      row: {
        eventId: input.id,
        originalEventId: input.id,
        kind: "original",
        contentHash: hash,
        customerId: customer.id,
        attemptId,
        occurredAt: input.occurredAt,
        attributes: input.attributes,
        evidence: input.evidence,
        costAmount: input.cost?.amount ?? null,
        costCurrency: input.cost?.currency ?? null,
        aiShare: input.aiShare === undefined ? null : String(input.aiShare),
        apiKeyId,
        receivedAt: receivedAtOf(index),
      },
    });
  }
  return valid;
}

/** New attempts start under the version in force at their earliest event in the batch. */
function attemptsToCreate(valid: readonly ValidItem[]): AttemptSkeleton[] {
  const byAttempt = new Map<string, AttemptSkeleton>();
  for (const item of valid) {
    const seen = byAttempt.get(item.row.attemptId);
    if (!seen || item.input.occurredAt < seen.occurredAt) {
      byAttempt.set(item.row.attemptId, {
        id: item.row.attemptId,
        customerId: item.row.customerId,
        definitionId: item.definitionId,
        subject: item.input.subject,
        occurredAt: item.input.occurredAt,
        definitionVersionId: item.versionId,
      });
    }
  }
  return [...byAttempt.values()];
}
