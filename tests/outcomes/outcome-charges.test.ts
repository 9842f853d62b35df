// The price charged for each outcome comes from the rating that makes the invoice: a month's
// per-outcome charges add up exactly to its usage lines, and every surface says the same.
import { afterAll, describe, expect, it, vi } from "vitest";
import { GET as outcomesCsv } from "@/app/api/portal/outcomes.csv/route";
import { GET as listAttemptsRest } from "@/app/api/v1/attempts/route";
import { Dec } from "@/domain/money";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { currentActor } from "@/server/auth/current-actor";
import { db } from "@/server/db";
import { ATTEMPTS_CSV_HEADER } from "@/server/services/attempts/export-attempts-csv";
import { voidEvent } from "@/server/services/ingestion/correct-event";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { claim, disputeSetup } from "../disputes/dispute-fixtures";
import { DAY_MS, monthsAgo } from "../invoicing/billed-period";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import {
  callerFor,
  makeContract,
  makeCustomer,
  makeDefinition,
  makeUser,
  sendAttempts,
  testActor,
} from "../support/fixtures";

vi.mock(import("@/server/auth/current-actor"), async (original) => ({ ...(await original()), currentActor: vi.fn() }));
afterAll(closeApiRateLimiter);

/** A month of outcomes over three days: 12 attempts, 10 billable, priced 2.00 up to 4 and 1.50 beyond, plus 0.10 per attempt. */
async function pricedMonth(terms: Record<string, unknown> = {}) {
  const customer = await makeCustomer();
  const definition = await makeDefinition();
  await makeContract(customer.id, {
    attemptFees: [{ definitionKey: null, unitPrice: "0.10" }],
    outcomePrices: [
      {
        definitionKey: definition.key,
        unitPrice: "2.00",
        tiers: [
          { upTo: 4, unitPrice: "2.00" },
          { upTo: null, unitPrice: "1.50" },
        ],
      },
    ],
    ...terms,
  });
  const period = monthsAgo(3);
  for (const [day, attempts, billable] of [
    [1, 5, 4],
    [3, 4, 3],
    [10, 3, 3],
  ] as const) {
    await sendAttempts(
      customer.externalId,
      definition.key,
      new Date(period.getTime() + day * DAY_MS),
      attempts,
      billable,
    );
  }
  const finance = await makeUser("finance", customer.id);
  return { customer, definition, period, finance };
}

async function everyOutcome(finance: Awaited<ReturnType<typeof makeUser>>, period: Date) {
  const page = await callerFor(finance).outcomes.list({ period: period.toISOString().slice(0, 7), limit: 500 });
  return page.attempts;
}

function expectChargesToAddUpToTheUsageLines(
  outcomes: Awaited<ReturnType<typeof everyOutcome>>,
  lines: { kind: string; quantity: string | null; unitPrice: string | null }[],
) {
  const exact = (kind: string) =>
    lines
      .filter((l) => l.kind === kind)
      .reduce((s, l) => s.plus(new Dec(l.quantity!).times(l.unitPrice!)), new Dec(0))
      .toFixed();
  const sum = (pick: (c: NonNullable<(typeof outcomes)[number]["charge"]>) => string | null) =>
    outcomes.reduce((s, o) => s.plus(pick(o.charge!) ?? 0), new Dec(0)).toFixed();
  expect(sum((c) => c.outcomePrice)).toBe(exact("outcomes"));
  expect(sum((c) => c.attemptFee)).toBe(exact("attempts"));
  expect(sum((c) => c.charged)).toBe(new Dec(exact("outcomes")).plus(exact("attempts")).toFixed());
}

describe("the price charged for each outcome", () => {
  it("adds up, over a draft month's outcomes, to exactly its usage lines, each ranked once in the month", async () => {
    const { customer, period, finance } = await pricedMonth();
    const outcomes = await everyOutcome(finance, period);
    expect(outcomes).toHaveLength(12);
    const invoice = await computeInvoice(customer.id, period);
    expectChargesToAddUpToTheUsageLines(outcomes, invoice.lines);
    const billable = outcomes.filter((o) => o.status === "billable");
    expect(billable.map((o) => o.charge!.rank).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const oldest = billable.reduce((a, b) => (a.occurredAt < b.occurredAt ? a : b));
    expect(oldest.charge!.summary).toBe(
      "charged 2.10 USD (2.00 USD for the outcome + 0.10 USD per attempt), tier 1, #1 of 10 this month",
    );
    const newest = billable.reduce((a, b) => (a.occurredAt > b.occurredAt ? a : b));
    expect(newest.charge).toMatchObject({ outcomePrice: "1.5", tier: 2, rank: 10, of: 10 });
    const notBillable = outcomes.find((o) => o.status === "not_billable")!;
    expect(notBillable.charge!.summary).toBe("charged 0.10 USD, the per-attempt fee (not billable)");
  });

  it("prices a finalized month as it was billed, and says what its cap did", async () => {
    const { customer, period, finance } = await pricedMonth({ monthlyCap: "10.00" });
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    const outcomes = await everyOutcome(finance, period);
    const invoice = await callerFor(finance).invoices.byId({ invoiceId });
    expectChargesToAddUpToTheUsageLines(outcomes, invoice.lines);
    // 12 × 0.10 + 4 × 2.00 + 6 × 1.50 = 18.20 of usage, capped at 10.00.
    expect(outcomes[0]!.charge!.adjustment).toBe(
      "The monthly cap of 10.00 USD brought this month's usage charges of 18.20 USD down by 8.20 USD: the outcomes beyond the cap add nothing to the bill.",
    );
  });

  it("says what its definition's own maximum and a discount did to its charges", async () => {
    const { definition, period, finance } = await pricedMonth({ discounts: [] });
    const customer2 = await makeCustomer();
    await makeContract(customer2.id, {
      outcomePrices: [{ definitionKey: definition.key, unitPrice: "2.00", tiers: [], maximum: "10.00" }],
      discounts: [{ label: "Loyalty", kind: "fixed", value: "1.00", definitionKey: null, periods: null, until: null }],
    });
    await sendAttempts(customer2.externalId, definition.key, new Date(period.getTime() + DAY_MS), 8, 8);
    const finance2 = await makeUser("finance", customer2.id);
    const [outcome] = await everyOutcome(finance2, period);
    // 8 × 2.00 = 16.00 of outcome charges, down to the price's maximum of 10.00, then 1.00 off the invoice.
    expect(outcome!.charge!.adjustment).toBe(
      "This outcome's maximum of 10.00 USD a month brought its charges of 16.00 USD down by 6.00 USD: the outcomes beyond it add nothing to the bill. Loyalty: 1.00 USD off the invoice (1.00 USD this month), taken after the outcome prices.",
    );
    // The first customer's contract has neither: its outcomes say nothing was adjusted.
    expect((await everyOutcome(finance, period))[0]!.charge!.adjustment).toBeNull();
  });

  it("keeps a finalized month's ranks as billed when an earlier outcome is voided afterwards", async () => {
    const { customer, period, finance } = await pricedMonth();
    await finalizeInvoice({ actor: testActor, input: { customerId: customer.id, periodStart: period } });
    const before = await everyOutcome(finance, period);
    const billed = before.filter((o) => o.charge!.rank !== null);
    const first = billed.find((o) => o.charge!.rank === 1)!;
    const event = await db().ingestEvent.findFirstOrThrow({ where: { attemptId: first.id } });
    await voidEvent({ actor: testActor, eventId: event.eventId, input: { reason: "Sent for the wrong customer" } });
    const after = await everyOutcome(finance, period);
    for (const o of billed) {
      expect(after.find((a) => a.id === o.id)!.charge).toMatchObject({
        rank: o.charge!.rank,
        of: o.charge!.of,
        charged: o.charge!.charged,
      });
    }
  });

  it("puts the credit beside the charge of a credited outcome", async () => {
    const s = await disputeSetup({ attempts: 3, billable: 3 });
    const [credited] = s.billable;
    const opened = await s.asFinance.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [credited!] } });
    await s.asReviewer.disputes.decide({
      disputeId: opened.disputeId,
      attemptIds: [credited!],
      kind: "accept",
      rationale: "Reopened the next day.",
      rootCause: "definition_gap",
      criterion: "reopened",
    });
    const { attempt } = await s.asFinance.outcomes.byId({ attemptId: credited! });
    expect(attempt.charge).toMatchObject({ charged: "0.99", rank: 1, of: 3, creditedMinor: 99n });
    expect(attempt.charge!.summary).toBe("charged 0.99 USD, #1 of 3 this month; credited 0.99 USD");
  });

  it("says the same in the list, on the outcome's page, in the outcomes CSV and in REST", async () => {
    const { customer, period, finance } = await pricedMonth();
    const outcomes = await everyOutcome(finance, period);
    const { key } = await makeApiKey();
    const rest = await (
      await listAttemptsRest(
        apiRequest(
          `/api/v1/attempts?customer=${customer.externalId}&period=${period.toISOString().slice(0, 7)}&limit=500`,
          {
            key,
          },
        ),
        routeParams({}),
      )
    ).json();
    vi.mocked(currentActor).mockResolvedValue(finance);
    const csv = (
      await (
        await outcomesCsv(
          new Request(`http://localhost/api/portal/outcomes.csv?period=${period.toISOString().slice(0, 7)}`),
          routeParams({}),
        )
      ).text()
    )
      .trim()
      .split("\n")
      .map((line) => line.split(","));
    const column = (name: (typeof ATTEMPTS_CSV_HEADER)[number]) => ATTEMPTS_CSV_HEADER.indexOf(name);
    for (const o of outcomes) {
      const page = await callerFor(finance).outcomes.byId({ attemptId: o.id });
      expect(page.attempt.charge).toEqual(o.charge);
      const restRow = rest.data.find((r: { id: string }) => r.id === o.id);
      expect(restRow.charge).toMatchObject({
        charged: o.charge!.charged,
        rank: o.charge!.rank,
        tier: o.charge!.tier,
        summary: o.charge!.summary,
        credited: "0.00",
      });
      const row = csv.find((r) => r[0] === o.id)!;
      expect(row[column("charged")]).toBe(o.charge!.charged ?? "0");
      expect(row[column("rank_in_month")]).toBe(o.charge!.rank === null ? "" : String(o.charge!.rank));
      expect(row[column("tier")]).toBe(o.charge!.tier === null ? "" : String(o.charge!.tier));
    }
  });
});
