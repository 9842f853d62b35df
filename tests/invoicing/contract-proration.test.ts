import { afterAll, describe, expect, it } from "vitest";
import { POST as postContract } from "@/app/api/v1/customers/[externalId]/contracts/route";
import { lineAddsUp } from "@/domain/rating/rate-period";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { db } from "@/server/db";
import { outcomeCharges } from "@/server/services/attempts/outcome-charges";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";
import { exportInvoice } from "@/server/services/invoicing/exports/export-invoice";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import {
  callerFor,
  makeContract,
  makeCustomer,
  makeDefinition,
  makeUser,
  pinClockForEachTest,
  sendAttempts,
  testActor,
} from "../support/fixtures";
import { bytesOf, DAY_MS, pdfText } from "./billed-period";

// 20 November 2026: August 2026 (31 days) is long closed and finalizable; November is open.
pinClockForEachTest(() => new Date("2026-11-20T12:00:00Z"));
const AUGUST = new Date("2026-08-01T00:00:00Z");
const AUGUST_15 = new Date("2026-08-15T00:00:00Z");

const post = (externalId: string, key: string, body: unknown) =>
  postContract(
    apiRequest(`/api/v1/customers/${externalId}/contracts`, { key, method: "POST", body: JSON.stringify(body) }),
    routeParams({ externalId }),
  );

const version = (definitionKey: string, effectiveFrom: string) => ({
  effectiveFrom,
  platformFee: "620",
  outcomePrices: [{ definitionKey, unitPrice: "1.50" }],
  disputeWindowDays: 30,
  graceDays: 7,
  changeNote: "Mid-month upgrade",
});

afterAll(() => closeApiRateLimiter());

describe("a contract version taking effect mid-month over REST", () => {
  it("accepts the start of any UTC day and refuses an instant inside a day with a field error", async () => {
    const { key } = await makeApiKey();
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    const midday = await post(customer.externalId, key, version(definition.key, "2026-08-15T12:00:00Z"));
    expect(midday.status).toBe(400);
    expect((await midday.json()).error.fields).toEqual([
      { path: "effectiveFrom", message: "A contract version takes effect at the start of a day: 00:00 UTC." },
    ]);
    expect(await db().contract.count({ where: { customerId: customer.id } })).toBe(0);
    const created = await post(customer.externalId, key, version(definition.key, "2026-08-15T00:00:00Z"));
    expect(created.status).toBe(201);
    expect((await created.json()).effectiveFrom).toBe("2026-08-15T00:00:00.000Z");
  });

  it("refuses a version that would start inside a finalized period", async () => {
    const { key } = await makeApiKey();
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    await makeContract(customer.id, { outcomePrices: [{ definitionKey: definition.key, unitPrice: "2", tiers: [] }] });
    await finalizeInvoice({ actor: testActor, input: { customerId: customer.id, periodStart: AUGUST } });
    const response = await post(customer.externalId, key, version(definition.key, "2026-08-20T00:00:00Z"));
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual([
      { path: "effectiveFrom", message: "Falls in a finalized period." },
    ]);
  });
});

describe("a period two versions share", () => {
  async function splitAugust() {
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    await makeContract(customer.id, {
      platformFee: "500",
      outcomePrices: [{ definitionKey: definition.key, unitPrice: "2", tiers: [] }],
    });
    await makeContract(customer.id, { ...version(definition.key, AUGUST_15.toISOString()), graceDays: 3 });
    // 4 outcomes on 2 August (version 1), 3 on 20 August (version 2), 1 attempt unresolved on each.
    await sendAttempts(customer.externalId, definition.key, new Date(AUGUST.getTime() + DAY_MS), 5, 4);
    await sendAttempts(customer.externalId, definition.key, new Date(AUGUST.getTime() + 19 * DAY_MS), 4, 3);
    return { customer };
  }

  it("bills each version's days: fees prorated by the day, outcomes at the price in force when they happened", async () => {
    const { customer } = await splitAugust();
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: AUGUST },
    });
    const lines = await db().invoiceLine.findMany({ where: { invoiceId }, orderBy: { position: "asc" } });
    // 500 × 14/31 = 225.806… → 225.81; 620 × 31/31 − 620 × 14/31 = 620.00 − 280.00 = 340.00.
    expect(lines.map((l) => [l.kind, l.description, l.quantity?.toString() ?? null, l.amountMinor])).toEqual([
      ["platform_fee", "Platform fee, 14 of 31 days (version 1)", "1", 22_581n],
      ["outcomes", expect.stringContaining("(version 1, 1–14 August: 14 of 31 days)"), "4", 800n],
      ["platform_fee", "Platform fee, 17 of 31 days (version 2)", "1", 34_000n],
      ["outcomes", expect.stringContaining("(version 2, 15–31 August: 17 of 31 days)"), "3", 450n],
    ]);
    // Both versions' outcome lines drill down to the same definition.
    const outcomeLines = lines.filter((l) => l.kind === "outcomes");
    expect(new Set(outcomeLines.map((l) => l.definitionId)).size).toBe(1);
    expect(outcomeLines[0]!.definitionId).not.toBeNull();
    const invoice = await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect(invoice.totalMinor).toBe(22_581n + 800n + 34_000n + 450n);
    for (const l of lines) {
      const read = { ...l, quantity: l.quantity?.toString() ?? null, unitPrice: l.unitPrice?.toString() ?? null };
      expect(lineAddsUp(read, "USD"), l.description).toBe(true);
    }
    const pdf = pdfText(await bytesOf((await exportInvoice({ actor: testActor, invoiceId, format: "pdf" })).body));
    const csv = new TextDecoder().decode(
      await bytesOf((await exportInvoice({ actor: testActor, invoiceId, format: "lines.csv" })).body),
    );
    for (const words of ["Platform fee, 14 of 31 days (version 1)", "Platform fee, 17 of 31 days (version 2)"]) {
      expect(pdf).toContain(words);
      expect(csv).toContain(words);
    }
    expect(csv).toContain("15–31 August: 17 of 31 days");
  });

  it("rates the draft of a split period the same way before it is finalized", async () => {
    const { customer } = await splitAugust();
    const draft = await computeInvoice(customer.id, AUGUST);
    expect(draft.contract.version).toBe(2);
    expect(draft.totalMinor).toBe(22_581n + 800n + 34_000n + 450n);
  });

  it("bills a customer's first month from the day its first version takes effect", async () => {
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    await makeContract(customer.id, version(definition.key, AUGUST_15.toISOString()));
    await sendAttempts(customer.externalId, definition.key, new Date(AUGUST.getTime() + 19 * DAY_MS), 2, 2);
    const draft = await computeInvoice(customer.id, AUGUST);
    expect(draft.lines.map((l) => [l.description, l.amountMinor])).toEqual([
      ["Platform fee, 17 of 31 days (version 1)", 34_000n],
      [expect.stringContaining("15–31 August"), 300n],
    ]);
  });
});

describe("a shared period's late items, credits and per-outcome charges", () => {
  it("bills a late outcome of a finalized shared period at the price of the version in force when it happened", async () => {
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    await makeContract(customer.id, { outcomePrices: [{ definitionKey: definition.key, unitPrice: "2", tiers: [] }] });
    await makeContract(customer.id, { ...version(definition.key, AUGUST_15.toISOString()), graceDays: 3 });
    await sendAttempts(customer.externalId, definition.key, new Date(AUGUST.getTime() + DAY_MS), 2, 2);
    await finalizeInvoice({ actor: testActor, input: { customerId: customer.id, periodStart: AUGUST } });
    // One outcome of 20 August (version 2: 1.50) arrives after August was finalized.
    await sendAttempts(customer.externalId, definition.key, new Date(AUGUST.getTime() + 19 * DAY_MS), 1, 1);
    const september = await computeInvoice(customer.id, new Date("2026-09-01T00:00:00Z"));
    expect(september.lines.filter((l) => l.kind === "late_items").map((l) => l.amountMinor)).toEqual([150n]);
  });

  it("credits a disputed outcome at its own version's price on the draft, and says which version ranked it", async () => {
    const november = new Date("2026-11-01T00:00:00Z");
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    await makeContract(customer.id, {
      outcomePrices: [{ definitionKey: definition.key, unitPrice: "2", tiers: [] }],
    });
    await makeContract(customer.id, { ...version(definition.key, "2026-11-15T00:00:00Z"), platformFee: "0" });
    await sendAttempts(customer.externalId, definition.key, new Date(november.getTime() + DAY_MS), 2, 2);
    await sendAttempts(customer.externalId, definition.key, new Date(november.getTime() + 16 * DAY_MS), 3, 3);
    const [finance, reviewer] = await Promise.all([makeUser("finance", customer.id), makeUser("reviewer")]);
    const attempts = await db().attempt.findMany({
      where: { customerId: customer.id },
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    });
    const early = attempts[0]!.id;
    const late = attempts[4]!.id;
    const opened = await callerFor(finance).disputes.open({
      reason: "not_resolved",
      message: "Both came back the next day.",
      scope: { kind: "outcomes", attemptIds: [early, late] },
    });
    await callerFor(reviewer).disputes.decide({
      disputeId: opened.disputeId,
      attemptIds: [early, late],
      kind: "accept",
      rationale: "Reopened within the window.",
      rootCause: "detection_error",
    });
    const draft = await computeInvoice(customer.id, november);
    // 2.00 under version 1 and 1.50 under version 2.
    expect(draft.lines.find((l) => l.kind === "dispute_credit")?.amountMinor).toBe(-350n);
    const credited = await db().disputedOutcome.findMany({ where: { disputeId: opened.disputeId } });
    expect(new Map(credited.map((o) => [o.attemptId, o.creditMinor]))).toEqual(
      new Map([
        [early, 200n],
        [late, 150n],
      ]),
    );
    const charges = await outcomeCharges(customer.id, [attempts[3]!]);
    expect(charges.get(attempts[3]!.id)?.summary).toBe(
      "charged 1.50 USD, #2 of 3 under version 2, 15–30 November: 16 of 30 days",
    );
  });
});
