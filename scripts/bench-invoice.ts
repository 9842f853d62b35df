// `npm run bench:invoice`: one customer with 1,000,000 outcomes in the open period.
// Measures (1) recomputing the draft invoice from scratch (rebuilding the period's usage
// rollup from the attempts, then rating it) and (2) the incremental path: after a batch of
// 500 new events lands through the real ingestion use case (which moves the rollup in its
// own transaction), computing the draft again. Targets: < 2 s and < 50 ms.
// CONTRACT=shapes (the default) rates volume tiers with a flat fee per tier, free units and a
// per-price maximum, a percentage discount on the outcomes and a fixed one on the invoice, and
// gives the customer prepaid credits (a wallet) that (3) finalizing the period draws down;
// CONTRACT=graduated rates the contract this bench used before those shapes existed
// (graduated tiers), to compare the two in one sitting.
// The 1,000,000 attempts are written by a bulk INSERT … SELECT producing the same rows the
// ingestion path writes (the per-event evidence is left out: invoicing never reads it).
import { nextPeriodStart, periodStartOf } from "../src/domain/invoicing/periods";
import { formatMoney } from "../src/domain/money";
import { setNow } from "../src/server/clock";
import { db } from "../src/server/db";
import { createContractVersion } from "../src/server/services/contracts/create-contract-version";
import { upsertCustomer } from "../src/server/services/customers/upsert-customer";
import { createDefinition } from "../src/server/services/definitions/create-definition";
import { publishDefinitionVersion } from "../src/server/services/definitions/publish-definition-version";
import { ingestEvents } from "../src/server/services/ingestion/ingest-events";
import { computeInvoice } from "../src/server/services/invoicing/compute-invoice";
import { finalizeInvoice } from "../src/server/services/invoicing/finalize-invoice";
import { rebuildPeriodRollup } from "../src/server/services/invoicing/period-usage";
import { grantWalletCredit } from "../src/server/services/wallet/grant-wallet-credit";
import { percentileOf, withThrowawayDatabase } from "./bench/throwaway-database";

const OUTCOMES = Number(process.env.OUTCOMES ?? 1_000_000);
const RUNS = Number(process.env.RUNS ?? 5);
const CONTRACT = process.env.CONTRACT === "graduated" ? "graduated" : "shapes";

const GRADUATED_PRICE = {
  definitionKey: "ticket_resolved",
  unitPrice: "0.99",
  tiers: [
    { upTo: 100_000, unitPrice: "0.99" },
    { upTo: 500_000, unitPrice: "0.89" },
    { upTo: null, unitPrice: "0.79" },
  ],
};
const VOLUME_PRICE = {
  definitionKey: "ticket_resolved",
  unitPrice: "0.99",
  tierMode: "volume" as const,
  tiers: [
    { upTo: 100_000, unitPrice: "0.99" },
    { upTo: 500_000, unitPrice: "0.89", flatFee: "250" },
    { upTo: null, unitPrice: "0.79", flatFee: "500" },
  ],
  freeUnits: 1_000,
  maximum: "900000",
};
const DISCOUNTS = [
  {
    label: "Launch discount",
    kind: "percent" as const,
    value: "12.5",
    definitionKey: "ticket_resolved",
    periods: 3,
    until: null,
  },
  { label: "Loyalty credit", kind: "fixed" as const, value: "150", definitionKey: null, periods: null, until: null },
];
const actor = { kind: "system", job: "bench-invoice" } as const;
const log = (line: string) => console.log(`[bench:invoice] ${line}`);
const ms = (start: number) => performance.now() - start;
const pct = percentileOf;

async function main() {
  await withThrowawayDatabase("bench-invoice", log, run);
}

async function run() {
  const now = new Date();
  const period = periodStartOf(now);
  const { customer } = await upsertCustomer({
    actor,
    input: { externalId: "bench-invoice", name: "Bench Corp", currency: "USD", timezone: "UTC" },
  });
  await createDefinition({
    actor,
    input: {
      key: "ticket_resolved",
      name: "Ticket resolved",
      unitLabel: "resolved conversation",
      firstVersion: {
        criteria: [
          { attribute: "closedBy", operator: "eq", value: "ai", label: "Closed by the AI", whenMissing: "fail" },
        ],
        observationWindowHours: 0,
        defaultUnitPrice: "0.99",
        changeNote: "Bench",
      },
    },
  });
  const version = await publishDefinitionVersion({
    actor,
    input: { definitionKey: "ticket_resolved", number: 1, effectiveFrom: new Date("2020-01-01T00:00:00Z") },
  });
  await createContractVersion({
    actor,
    customerId: customer.id,
    input: {
      effectiveFrom: period,
      platformFee: "500",
      attemptFees: [{ definitionKey: null, unitPrice: "0.01" }],
      outcomePrices: [CONTRACT === "graduated" ? GRADUATED_PRICE : VOLUME_PRICE],
      monthlyCap: null,
      minimumCommitment: "1000",
      discounts: CONTRACT === "graduated" ? [] : DISCOUNTS,
      disputeWindowDays: 30,
      graceDays: 3,
      changeNote: "Bench",
    },
  });

  if (CONTRACT === "shapes") {
    // Two grants, so the draw picks the one expiring first and then the other.
    const inAYear = new Date(Date.UTC(now.getUTCFullYear() + 1, now.getUTCMonth(), 1)).toISOString().slice(0, 10);
    await grantWalletCredit({
      actor,
      input: { customerId: customer.id, amount: "20000", expiresOn: inAYear, reason: "Launch credit" },
    });
    await grantWalletCredit({
      actor,
      input: { customerId: customer.id, kind: "top_up", amount: "80000", reason: "Prepaid" },
    });
  }

  let start = performance.now();
  log(`Loading ${OUTCOMES.toLocaleString("en-US")} attempts into ${period.toISOString().slice(0, 7)}…`);
  const span = Math.max(1, now.getTime() - period.getTime() - 60_000);
  await db().$executeRaw`
    INSERT INTO attempt ("id", "customerId", "definitionId", "subject", "occurredAt", "lastEventAt", "attributes", "attributeTimes",
      "costAmount", "definitionVersionId", "status", "trace", "windowClosesAt", "finalizedAt", "evaluatedAt", "eventCount", "updatedAt")
    SELECT gen_random_uuid(), ${customer.id}::uuid, ${version.definitionId}::uuid, 'bulk-' || n,
      ${period}::timestamptz + (n::float8 / ${OUTCOMES} * ${span}) * interval '1 millisecond',
      ${period}::timestamptz + (n::float8 / ${OUTCOMES} * ${span}) * interval '1 millisecond',
      CASE WHEN n % 10 < 8 THEN '{"closedBy":"ai"}'::jsonb ELSE '{"closedBy":"human"}'::jsonb END, '{}'::jsonb, 0.0123,
      ${version.id}::uuid, CASE WHEN n % 10 < 8 THEN 'billable'::outcome_status ELSE 'not_billable'::outcome_status END,
      '{}'::jsonb, ${period}::timestamptz, now(), now(), 1, now()
    FROM generate_series(1, ${OUTCOMES}) AS n`;
  await db().$executeRawUnsafe("VACUUM ANALYZE attempt");
  log(`Loaded in ${(ms(start) / 1000).toFixed(1)} s.`);

  const scratch: number[] = [];
  let total = 0n;
  for (let i = 0; i < RUNS; i++) {
    start = performance.now();
    await db().$transaction((tx) => rebuildPeriodRollup(customer.id, period, nextPeriodStart(period), tx));
    total = (await computeInvoice(customer.id, period)).totalMinor;
    scratch.push(ms(start));
  }
  log(`Draft total ${formatMoney(total, "USD")} (${CONTRACT} contract).`);

  const ingest: number[] = [];
  const incremental: number[] = [];
  for (let batch = 0; batch < 20; batch++) {
    const items = Array.from({ length: 500 }, (_, i) => ({
      id: `bench-${batch}-${i}`,
      customer: "bench-invoice",
      definition: "ticket_resolved",
      subject: `new-${batch}-${i}`,
      occurredAt: new Date(now.getTime() - 30_000).toISOString(),
      attributes: { closedBy: i % 5 === 0 ? "human" : "ai" },
    }));
    start = performance.now();
    const { summary } = await ingestEvents({ actor, items });
    ingest.push(ms(start));
    if (summary.accepted !== 500) throw new Error(`expected 500 accepted, got ${JSON.stringify(summary)}`);
    start = performance.now();
    const draft = await computeInvoice(customer.id, period);
    incremental.push(ms(start));
    total = draft.totalMinor;
  }
  const expected = await db().attempt.count({ where: { customerId: customer.id, status: "billable" } });
  const rollup = await db().usageRollup.findFirstOrThrow({ where: { customerId: customer.id, periodStart: period } });
  const rollupOk = rollup.billable === expected;

  // (3) The period ends and its grace days pass: finalization rates it, writes its lines and
  // draws the wallet, in one transaction.
  setNow(new Date(nextPeriodStart(period).getTime() + 4 * 86_400_000));
  start = performance.now();
  const finalized = await finalizeInvoice({ actor, input: { customerId: customer.id, periodStart: period } });
  const finalizeMs = ms(start);
  const invoice = await db().invoice.findUniqueOrThrow({ where: { id: finalized.invoiceId } });
  const drawnMinor = invoice.walletDrawnMinor;
  const finalizedOk = finalized.totalMinor === total;

  const fmt = (x: number) => `${x.toFixed(1)} ms`;
  console.log(
    [
      "",
      `  Draft invoice over ${OUTCOMES.toLocaleString("en-US")} outcomes (${RUNS} runs), ${CONTRACT === "graduated" ? "graduated tiers" : "volume tiers with flat fees, free units, a price maximum and two discounts"}`,
      `    recompute from scratch: p50 ${fmt(pct(scratch, 50))}, max ${fmt(Math.max(...scratch))}   target < 2,000 ms  ${pct(scratch, 50) < 2_000 ? "MET" : "MISSED"}`,
      `  After each batch of 500 new events (20 batches)`,
      `    incremental draft update: p50 ${fmt(pct(incremental, 50))}, p95 ${fmt(pct(incremental, 95))}   target < 50 ms  ${pct(incremental, 95) < 50 ? "MET" : "MISSED"}`,
      `    (the batch's ingestion, which moves the rollup in its own transaction: p50 ${fmt(pct(ingest, 50))}, p95 ${fmt(pct(ingest, 95))})`,
      `  Rollup equals the attempts: ${rollupOk ? "yes" : `NO (${rollup.billable} vs ${expected})`}; final draft total ${formatMoney(total, "USD")}`,
      `  Finalizing the period (lines, number${CONTRACT === "shapes" ? ", the wallet's draw" : ""}): ${fmt(finalizeMs)}; invoice ${finalized.number} ${formatMoney(finalized.totalMinor, "USD")}${finalizedOk ? " = the last draft" : " DIFFERS from the last draft"}${CONTRACT === "shapes" ? `, paid from prepaid credits ${formatMoney(drawnMinor, "USD")}` : ""}`,
      "",
    ].join("\n"),
  );
  if (!rollupOk || !finalizedOk) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
