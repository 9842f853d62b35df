// Megacorp: one customer with 1,000,000 attempts over three months, for `npm run seed:large`
// and `npm run bench:portal`. Rows are written by bulk INSERT … SELECT, as if single-event
// attempts had gone through `ingestEvents` as they happened (each received seconds later, made
// final within a minute of its window closing; still pending when that is after `now`): the same derived attempt id
// (attemptIdFor, recomputed in SQL from its sha256), a real evaluateAttempt trace per kind of
// attempt (its windowClosesAt set per row), matching ingest_event rows with evidence and
// content hash, and exact rollups from rebuildPeriodRollup. A sample is re-derived in
// TypeScript afterwards and must match.
import { isDeepStrictEqual } from "node:util";
import { chooseVersion, evaluateAttempt } from "../../src/domain/evaluation/evaluate-attempt";
import { attemptIdFor } from "../../src/domain/ingestion/attempt-identity";
import { nextPeriodStart, periodStartOf } from "../../src/domain/invoicing/periods";
import { db } from "../../src/server/db";
import { appendAuditEntry } from "../../src/server/services/audit/append-audit-entry";
import { createContractVersion } from "../../src/server/services/contracts/create-contract-version";
import { upsertCustomer } from "../../src/server/services/customers/upsert-customer";
import { createDefinition } from "../../src/server/services/definitions/create-definition";
import { publishDefinitionVersion } from "../../src/server/services/definitions/publish-definition-version";
import { toVersionRule } from "../../src/server/services/ingestion/attempt-rows";
import { IngestEventInput } from "../../src/server/services/ingestion/ingest-event-schema";
import { contentHashOf } from "../../src/server/services/ingestion/ingest-events";
import { rebuildPeriodRollup } from "../../src/server/services/invoicing/period-usage";

export const LARGE_CUSTOMER = "megacorp";
const DEFINITION = "megacorp_ticket_resolved";
const CHUNK = 100_000;
const actor = { kind: "system", job: "seed-large" } as const;
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** The kinds of attempt, by n % 10: mostly resolved by the AI, some reopened, some handed to a human. */
const KINDS = [
  ...Array.from({ length: 7 }, () => ({ closedBy: "ai", reopened: false, csat: 5 })),
  { closedBy: "ai", reopened: true, csat: 2 },
  { closedBy: "human", reopened: false, csat: 4 },
  { closedBy: "human", reopened: false, csat: 3 },
];

export async function loadLargeCustomer(
  log: (line: string) => void,
  attempts = 1_000_000,
): Promise<{ customerId: string; loaded: boolean }> {
  const { customer } = await upsertCustomer({
    actor,
    input: { externalId: LARGE_CUSTOMER, name: "Megacorp", currency: "USD", timezone: "UTC" },
  });
  if ((await db().attempt.findFirst({ where: { customerId: customer.id }, select: { id: true } })) !== null) {
    log("Megacorp already has attempts: nothing to do.");
    return { customerId: customer.id, loaded: false };
  }
  const now = new Date();
  const first = periodStartOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 2, 1)));
  const definition = await ensureDefinition();
  if (!(await db().contract.findFirst({ where: { customerId: customer.id } }))) {
    await createContractVersion({
      actor,
      customerId: customer.id,
      input: {
        effectiveFrom: first,
        platformFee: "500",
        outcomePrices: [{ definitionKey: DEFINITION, unitPrice: "0.99" }],
        disputeWindowDays: 30,
        graceDays: 7,
        changeNote: "Megacorp: $500 a month plus $0.99 per resolved ticket",
      },
    });
  }
  const version = toVersionRule(definition.version);
  const span = now.getTime() - 60 * 60_000 - first.getTime();
  const sample = (k: (typeof KINDS)[number]) =>
    IngestEventInput.parse({
      id: "x",
      customer: LARGE_CUSTOMER,
      definition: DEFINITION,
      subject: "x",
      occurredAt: now.toISOString(),
      attributes: k,
      evidence: [{ at: now.toISOString(), kind: "status", actor: k.closedBy, title: `Closed by the ${k.closedBy}` }],
      cost: { amount: "0.0123", currency: "USD" },
    });
  // Per kind: the hashed content with @@T@@ (occurredAt) and @@S@@ (subject) to fill in per row,
  // and the evaluation trace while its window is open and once it has closed.
  const kinds = KINDS.map((k) => {
    const { id: _id, ...content } = sample(k);
    const withHoles = {
      ...content,
      occurredAt: "@@T@@",
      subject: "@@S@@",
      evidence: [{ ...content.evidence[0], at: "@@T@@" }],
    };
    const facts = (occurredAt: Date) => ({ attributes: k, aiShare: null, occurredAt });
    return {
      hashed: JSON.stringify(canonicalHoles(withHoles)),
      attributes: JSON.stringify(k),
      evidence: JSON.stringify(withHoles.evidence),
      open: JSON.stringify(evaluateAttempt(facts(now), version, now)),
      closed: JSON.stringify(evaluateAttempt(facts(new Date(0)), version, now)),
    };
  });

  let start = performance.now();
  for (let from = 1; from <= attempts; from += CHUNK) {
    const to = Math.min(attempts, from + CHUNK - 1);
    await db().$transaction(
      (tx) =>
        tx.$executeRawUnsafe(
          insertChunkSql(),
          customer.id,
          definition.id,
          version.id,
          first,
          span,
          attempts,
          now,
          from,
          to,
          kinds.map((k) => k.hashed),
          kinds.map((k) => k.attributes),
          kinds.map((k) => k.evidence),
          kinds.map((k) => k.open),
          kinds.map((k) => k.closed),
          version.observationWindowHours,
        ),
      { timeout: 600_000 },
    );
    log(`  ${to.toLocaleString("en-US")} attempts and events (${((performance.now() - start) / 1000).toFixed(1)} s)`);
  }
  const loadedIn = performance.now() - start;
  start = performance.now();
  await db().$transaction(
    async (tx) => {
      for (let p = first; p <= now; p = nextPeriodStart(p))
        await rebuildPeriodRollup(customer.id, p, nextPeriodStart(p), tx);
      await appendAuditEntry(tx, {
        actor,
        action: "events.ingested",
        subjectType: "ingest_batch",
        subjectId: crypto.randomUUID(),
        customerId: customer.id,
        after: { bulkLoad: true, accepted: attempts, attempts },
      });
    },
    { timeout: 600_000 },
  );
  await db().$executeRawUnsafe("VACUUM ANALYZE attempt");
  await db().$executeRawUnsafe("VACUUM ANALYZE ingest_event");
  log(
    `Loaded in ${(loadedIn / 1000).toFixed(1)} s; rollups and ANALYZE in ${((performance.now() - start) / 1000).toFixed(1)} s.`,
  );
  await verifySample(customer.id, version, now);
  return { customerId: customer.id, loaded: true };
}

/** canonicalJson with the holes left as plain strings (their values need no JSON escaping). */
function canonicalHoles(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalHoles);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonicalHoles(v)]),
    );
  return value;
}

function insertChunkSql(): string {
  // $1 customer, $2 definition, $3 version, $4 first period, $5 span ms, $6 total, $7 now, $8..$9 n range,
  // $10..$14 per-kind templates, $15 window hours.
  return `
    WITH n AS (
      SELECT n, n % 10 + 1 AS k, 'MC-' || lpad(n::text, 7, '0') AS subject,
        date_trunc('milliseconds', $4::timestamptz + ((n - 1)::float8 / $6 * $5) * interval '1 millisecond') AS at
      FROM generate_series($8::int, $9::int) AS n
    ), rows AS (
      SELECT n.*, to_char(at AT TIME ZONE 'UTC', ${ISO}) AS iso,
        at + $15::int * interval '1 hour' AS closes,
        -- Received seconds after it happened; final within the scheduler's minute of the window closing.
        LEAST(at + (n % 89 + 2) * interval '1 second', $7::timestamptz) AS received,
        CASE WHEN at + $15::int * interval '1 hour' > $7::timestamptz THEN NULL
          ELSE LEAST(at + $15::int * interval '1 hour' + (n % 53 + 1) * interval '1 second', $7::timestamptz) END AS final,
        substring(sha256(convert_to($1::text || E'\\n' || $2::text || E'\\n' || subject, 'UTF8')) from 1 for 16) AS h
      FROM n
    ), ids AS (
      SELECT rows.*, encode(set_byte(set_byte(h, 6, (get_byte(h, 6) & 15) | 128), 8, (get_byte(h, 8) & 63) | 128), 'hex')::uuid AS id
      FROM rows
    ), events AS (
      INSERT INTO ingest_event ("id", "eventId", "originalEventId", "kind", "contentHash", "customerId", "attemptId",
        "occurredAt", "receivedAt", "attributes", "evidence", "costAmount", "costCurrency")
      SELECT gen_random_uuid(), 'megacorp-evt-' || n, 'megacorp-evt-' || n, 'original',
        encode(sha256(convert_to(replace(replace(($10::text[])[k], '@@T@@', iso), '@@S@@', subject), 'UTF8')), 'hex'),
        $1::uuid, id, at, received, ($11::text[])[k]::jsonb, replace(($12::text[])[k], '@@T@@', iso)::jsonb, 0.0123, 'USD'
      FROM ids
    )
    INSERT INTO attempt ("id", "customerId", "definitionId", "subject", "occurredAt", "lastEventAt", "attributes", "attributeTimes",
      "costAmount", "costCurrency", "definitionVersionId", "status", "trace", "windowClosesAt", "finalizedAt", "evaluatedAt", "eventCount", "updatedAt")
    SELECT id, $1::uuid, $2::uuid, subject, at, at, ($11::text[])[k]::jsonb,
      jsonb_build_object('closedBy', iso, 'reopened', iso, 'csat', iso), 0.0123, 'USD', $3::uuid,
      ((CASE WHEN closes > $7::timestamptz THEN ($13::text[])[k] ELSE ($14::text[])[k] END)::jsonb ->> 'status')::outcome_status,
      jsonb_set(jsonb_set((CASE WHEN closes > $7::timestamptz THEN ($13::text[])[k] ELSE ($14::text[])[k] END)::jsonb,
        '{windowClosesAt}', to_jsonb(to_char(closes AT TIME ZONE 'UTC', ${ISO}))),
        '{evaluatedAt}', to_jsonb(to_char(COALESCE(final, $7::timestamptz) AT TIME ZONE 'UTC', ${ISO}))),
      closes, final, COALESCE(final, $7::timestamptz), 1, now()
    FROM ids`;
}

async function ensureDefinition() {
  const existing = await db().outcomeDefinition.findUnique({ where: { key: DEFINITION } });
  if (!existing) {
    await createDefinition({
      actor,
      input: {
        key: DEFINITION,
        name: "Ticket resolved (Megacorp)",
        unitLabel: "resolved ticket",
        firstVersion: {
          criteria: [
            { attribute: "closedBy", operator: "eq", value: "ai", label: "Closed by the AI", whenMissing: "pending" },
            { attribute: "reopened", operator: "is_false", label: "Not reopened", whenMissing: "pass" },
            { attribute: "csat", operator: "gte", value: 4, label: "CSAT 4 or more when rated", whenMissing: "pass" },
          ],
          observationWindowHours: 72,
          defaultUnitPrice: "0.99",
          changeNote: "Megacorp's definition",
        },
      },
    });
    await publishDefinitionVersion({
      actor,
      input: { definitionKey: DEFINITION, number: 1, effectiveFrom: new Date("2020-01-01T00:00:00Z") },
    });
  }
  const definition = await db().outcomeDefinition.findUniqueOrThrow({
    where: { key: DEFINITION },
    include: { versions: { where: { status: { in: ["published", "retired"] } } } },
  });
  const version = chooseVersion(definition.versions, new Date("2020-01-01T00:00:00Z"));
  if (!version) throw new Error(`${DEFINITION} has no version in force since 2020.`);
  return { id: definition.id, version };
}

/** Re-derives a sample of rows the way ingestion would and stops at the first difference. */
async function verifySample(customerId: string, version: ReturnType<typeof toVersionRule>, now: Date) {
  const rows = await db().attempt.findMany({ where: { customerId }, take: 25, orderBy: { subject: "asc" }, skip: 0 });
  const late = await db().attempt.findMany({ where: { customerId, status: "pending" }, take: 5 });
  for (const a of [...rows, ...late]) {
    const event = await db().ingestEvent.findFirstOrThrow({ where: { attemptId: a.id } });
    const attributes = a.attributes as (typeof KINDS)[number];
    const input = IngestEventInput.parse({
      id: event.eventId,
      customer: LARGE_CUSTOMER,
      definition: DEFINITION,
      subject: a.subject,
      occurredAt: a.occurredAt.toISOString(),
      attributes,
      evidence: event.evidence,
      cost: { amount: "0.0123", currency: "USD" },
    });
    const trace = evaluateAttempt(
      { attributes, aiShare: null, occurredAt: a.occurredAt },
      version,
      a.finalizedAt ?? now,
    );
    const checks = {
      id: a.id === attemptIdFor(customerId, a.definitionId, a.subject),
      contentHash: event.contentHash === contentHashOf(input),
      trace: isDeepStrictEqual(a.trace, JSON.parse(JSON.stringify(trace))),
      status: a.status === trace.status,
    };
    const failed = Object.entries(checks).filter(([, ok]) => !ok);
    if (failed.length > 0)
      throw new Error(`Attempt ${a.subject} differs from ingestion in: ${failed.map(([k]) => k).join(", ")}`);
  }
  return rows.length + late.length;
}
