// `npm run bench:preview`: the impact preview of a draft over 100,000 attempts (target < 5 s).
// Ten customers on contracts, 100,000 ticket attempts spread over the last 30 days with varied
// attributes (who closed it, reopened, CSAT, AI share), a published v1 and a stricter draft v2;
// the preview re-evaluates every attempt under both, prices the flips per customer and counts
// the disputes it touches. The attempts are written by a bulk INSERT … SELECT (the rows
// ingestion writes, without evidence, which the preview never reads).
import { periodStartOf } from "../src/domain/invoicing/periods";
import { formatMoney } from "../src/domain/money";
import { db } from "../src/server/db";
import { createContractVersion } from "../src/server/services/contracts/create-contract-version";
import { upsertCustomer } from "../src/server/services/customers/upsert-customer";
import { createDefinition } from "../src/server/services/definitions/create-definition";
import { createDraftVersion } from "../src/server/services/definitions/create-draft-version";
import { previewImpact } from "../src/server/services/definitions/preview-impact";
import { publishDefinitionVersion } from "../src/server/services/definitions/publish-definition-version";
import { percentileOf, withThrowawayDatabase } from "./bench/throwaway-database";

const ATTEMPTS = Number(process.env.ATTEMPTS ?? 100_000);
const CUSTOMERS = 10;
const RUNS = Number(process.env.RUNS ?? 5);
const TARGET_MS = 5_000;
const actor = { kind: "system", job: "bench-preview" } as const;
const log = (line: string) => console.log(`[bench:preview] ${line}`);

const v1 = [
  {
    attribute: "closedBy",
    operator: "eq" as const,
    value: "ai",
    label: "Closed by the AI",
    whenMissing: "pending" as const,
  },
  {
    attribute: "reopened",
    operator: "is_false" as const,
    label: "Not reopened within 72 hours",
    whenMissing: "pass" as const,
  },
  {
    attribute: "csat",
    operator: "gte" as const,
    value: 4,
    label: "CSAT 4 or more when rated",
    whenMissing: "pass" as const,
  },
];
const v2 = [
  ...v1.map((c) => (c.attribute === "reopened" ? { ...c, whenMissing: "fail" as const } : c)),
  {
    attribute: "aiShare",
    operator: "gte" as const,
    value: 0.7,
    label: "The AI did most of the work",
    whenMissing: "pass" as const,
  },
];

async function main() {
  await withThrowawayDatabase("bench-preview", log, run);
}

async function run() {
  const now = new Date();
  await createDefinition({
    actor,
    input: {
      key: "ticket_resolved",
      name: "Ticket resolved",
      unitLabel: "resolved conversation",
      firstVersion: { criteria: v1, observationWindowHours: 72, defaultUnitPrice: "0.99", changeNote: "Bench v1" },
    },
  });
  const version = await publishDefinitionVersion({
    actor,
    input: { definitionKey: "ticket_resolved", number: 1, effectiveFrom: new Date("2020-01-01T00:00:00Z") },
  });
  await createDraftVersion({
    actor,
    definitionKey: "ticket_resolved",
    input: { criteria: v2, observationWindowHours: 72, defaultUnitPrice: "0.99", changeNote: "Stricter" },
  });
  const customerIds: string[] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const { customer } = await upsertCustomer({
      actor,
      input: { externalId: `bench-preview-${i}`, name: `Bench customer ${i}`, currency: "USD", timezone: "UTC" },
    });
    customerIds.push(customer.id);
    await createContractVersion({
      actor,
      customerId: customer.id,
      input: {
        effectiveFrom: periodStartOf(new Date(now.getTime() - 40 * 86_400_000)),
        platformFee: "0",
        attemptFees: [],
        outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: i % 2 ? "0.99" : "1.50", tiers: [] }],
        monthlyCap: null,
        minimumCommitment: null,
        disputeWindowDays: 30,
        graceDays: 3,
        changeNote: "Bench",
      },
    });
  }
  let start = performance.now();
  const span = 30 * 86_400_000 - 60_000;
  const from = new Date(now.getTime() - 30 * 86_400_000 + 30_000);
  await db().$executeRaw`
    INSERT INTO attempt ("id", "customerId", "definitionId", "subject", "occurredAt", "lastEventAt", "attributes",
      "attributeTimes", "aiShare", "costAmount", "definitionVersionId", "status", "trace", "windowClosesAt", "evaluatedAt",
      "eventCount", "updatedAt")
    SELECT gen_random_uuid(), (${customerIds}::uuid[])[1 + (hashtext('customer-' || n) & 2147483647) % ${CUSTOMERS}], ${version.definitionId}::uuid,
      'bench-' || n, ${from}::timestamptz + (n::float8 / ${ATTEMPTS} * ${span}) * interval '1 millisecond',
      ${from}::timestamptz + (n::float8 / ${ATTEMPTS} * ${span}) * interval '1 millisecond',
      jsonb_strip_nulls(jsonb_build_object(
        'closedBy', CASE WHEN n % 10 < 8 THEN 'ai' ELSE 'human' END,
        'reopened', CASE WHEN n % 7 = 0 THEN true WHEN n % 3 = 0 THEN NULL ELSE false END,
        'csat', CASE WHEN n % 4 = 0 THEN NULL ELSE 1 + n % 5 END,
        'channel', CASE WHEN n % 2 = 0 THEN 'chat' ELSE 'email' END)),
      '{}'::jsonb, CASE WHEN n % 5 = 0 THEN NULL ELSE (n % 11)::numeric / 10 END, 0.0123, ${version.id}::uuid,
      'billable'::outcome_status, '{}'::jsonb, now(), now(), 1, now()
    FROM generate_series(1, ${ATTEMPTS}) AS n`;
  // Usage rollups for the priced periods, as ingestion would keep them.
  await db().$executeRaw`
    INSERT INTO usage_rollup ("customerId", "periodStart", "definitionId", "attempts", "billable", "pending")
    SELECT "customerId", date_trunc('month', "occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', "definitionId",
      count(*), count(*), 0
    FROM attempt GROUP BY 1, 2, 3`;
  await db().$executeRawUnsafe("VACUUM ANALYZE attempt");
  log(
    `Loaded ${ATTEMPTS.toLocaleString("en-US")} attempts for ${CUSTOMERS} customers in ${((performance.now() - start) / 1000).toFixed(1)} s.`,
  );

  const timings: number[] = [];
  let last: Awaited<ReturnType<typeof previewImpact>> | null = null;
  for (let i = 0; i < RUNS; i++) {
    start = performance.now();
    last = await previewImpact({ input: { definitionKey: "ticket_resolved", number: 2, days: 30 }, now });
    timings.push(performance.now() - start);
  }
  const result = last!;
  if (result.attempts !== ATTEMPTS) throw new Error(`Previewed ${result.attempts} attempts, expected ${ATTEMPTS}.`);
  const money = result.customers.reduce((s, c) => s + c.moneyDeltaMinor, 0n);
  log(
    `Re-evaluated ${result.attempts.toLocaleString("en-US")} attempts under v${result.currentVersion} and v${result.draftVersion}: ` +
      `${result.flips.billableToNot.toLocaleString("en-US")} billable → not, ${result.flips.notToBillable.toLocaleString("en-US")} not → billable, ` +
      `${result.customers.length} customers affected, ${formatMoney(money, "USD")} in all.`,
  );
  log(
    `Preview time over ${RUNS} runs: p50 ${percentileOf(timings, 50).toFixed(0)} ms, max ${Math.max(...timings).toFixed(0)} ms ` +
      `(target < ${TARGET_MS} ms): ${Math.max(...timings) < TARGET_MS ? "met" : "NOT met"}.`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
