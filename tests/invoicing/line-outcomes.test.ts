import { describe, expect, it } from "vitest";
import { nextPeriodStart } from "@/domain/invoicing/periods";
import { db } from "@/server/db";
import { voidEvent } from "@/server/services/ingestion/correct-event";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { getInvoiceById } from "@/server/services/invoicing/find-invoices";
import { listLineOutcomes } from "@/server/services/invoicing/list-line-outcomes";
import { makeCustomer, makeUser, sendAttempts, testActor } from "../support/fixtures";
import { billedCustomer, DAY_MS, invoiceIdFor } from "./billed-period";

/** Every outcome of a line, page by page; also returns the page sizes. */
async function allOutcomes(invoiceId: string, position: number, limit = 500) {
  const outcomes: Awaited<ReturnType<typeof listLineOutcomes>>["outcomes"] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await listLineOutcomes({ actor: testActor, invoiceId, position, cursor, limit });
    outcomes.push(...page.outcomes);
    pages.push(page.outcomes.length);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { outcomes, pages };
}

const byTime = (a: { occurredAt: Date; id: string }, b: { occurredAt: Date; id: string }) =>
  a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1);

async function lineOf(invoiceId: string, position: number) {
  return (await getInvoiceById({ actor: testActor, invoiceId })).lines[position]!;
}

describe("drilling down from an invoice line to its outcomes", () => {
  it("lists exactly the attempts an attempts line counted and the billable outcomes an outcomes line counted", async () => {
    const { customer, period } = await billedCustomer(
      (key) => ({
        attemptFees: [{ definitionKey: null, unitPrice: "0.10" }],
        outcomePrices: [{ definitionKey: key, unitPrice: "1.00" }],
      }),
      10,
      6,
    );
    const invoiceId = await invoiceIdFor(customer.id, period);
    expect((await lineOf(invoiceId, 0)).kind).toBe("attempts");

    const attempts = await allOutcomes(invoiceId, 0, 4);
    expect(attempts.pages).toEqual([4, 4, 2]);
    expect(new Set(attempts.outcomes.map((o) => o.id)).size).toBe(10);
    expect(attempts.outcomes).toEqual([...attempts.outcomes].sort(byTime));

    const outcomes = await allOutcomes(invoiceId, 1);
    expect((await lineOf(invoiceId, 1)).quantity).toBe("6");
    expect(outcomes.outcomes).toHaveLength(6);
    expect(outcomes.outcomes.every((o) => o.status === "billable" && o.billedAs === "billable")).toBe(true);

    await finalizeInvoice({ actor: testActor, input: { customerId: customer.id, periodStart: period } });
    expect((await allOutcomes(invoiceId, 1)).outcomes.map((o) => o.id)).toEqual(outcomes.outcomes.map((o) => o.id));
    expect((await allOutcomes(invoiceId, 0)).outcomes.map((o) => o.id)).toEqual(attempts.outcomes.map((o) => o.id));
  });

  it("lists only the outcomes ranked within a tier: tiers up to 3 and beyond, 5 billable, tier 2 has 2", async () => {
    const { customer, period } = await billedCustomer(
      (key) => ({
        outcomePrices: [
          {
            definitionKey: key,
            unitPrice: "1.00",
            tiers: [
              { upTo: 3, unitPrice: "1.00" },
              { upTo: null, unitPrice: "0.50" },
            ],
          },
        ],
      }),
      7,
      5,
    );
    const invoiceId = await invoiceIdFor(customer.id, period);
    expect(await lineOf(invoiceId, 1)).toMatchObject({ kind: "outcomes", quantity: "2", tierFrom: 4, tierTo: null });
    const tierOne = (await allOutcomes(invoiceId, 0)).outcomes;
    const first = await allOutcomes(invoiceId, 0, 2);
    const second = await allOutcomes(invoiceId, 1, 1);

    expect(first.pages).toEqual([2, 1]);
    expect(second.pages).toEqual([1, 1]);
    expect(tierOne).toHaveLength(3);
    const all = [...first.outcomes, ...second.outcomes];
    expect(all).toEqual([...all].sort(byTime));
    expect(new Set(all.map((o) => o.id)).size).toBe(5);

    await finalizeInvoice({ actor: testActor, input: { customerId: customer.id, periodStart: period } });
    expect((await allOutcomes(invoiceId, 1)).outcomes.map((o) => o.id)).toEqual(second.outcomes.map((o) => o.id));
  });

  it("shows what a finalized invoice billed after an outcome changed, and the change as a late item", async () => {
    const { customer, definition, period } = await billedCustomer(
      (key) => ({ outcomePrices: [{ definitionKey: key, unitPrice: "2.00" }] }),
      5,
      5,
    );
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    const billed = (await allOutcomes(invoiceId, 0)).outcomes;
    const voided = billed[2]!;
    const event = await db().ingestEvent.findFirstOrThrow({ where: { attemptId: voided.id } });
    await voidEvent({ actor: testActor, eventId: event.eventId, input: { reason: "Sent for the wrong customer" } });
    await sendAttempts(customer.externalId, definition.key, new Date(period.getTime() + 9 * DAY_MS), 2, 2);

    const after = (await allOutcomes(invoiceId, 0)).outcomes;
    expect(after.map((o) => o.id)).toEqual(billed.map((o) => o.id));
    expect(after.find((o) => o.id === voided.id)).toMatchObject({ status: "not_billable", billedAs: "billable" });

    const next = nextPeriodStart(period);
    const nextId = await invoiceIdFor(customer.id, next);
    const lateLine = await lineOf(nextId, 0);
    expect(lateLine).toMatchObject({ kind: "late_items", sourcePeriodStart: period, amountMinor: 200n });
    const late = (await allOutcomes(nextId, 0)).outcomes;
    expect(late).toHaveLength(3);
    expect(late.find((o) => o.id === voided.id)).toMatchObject({ status: "not_billable", billedAs: null });
    expect(late.filter((o) => o.billedAs === "billable")).toHaveLength(2);

    await finalizeInvoice({ actor: testActor, input: { customerId: customer.id, periodStart: next } });
    expect((await allOutcomes(nextId, 0)).outcomes).toEqual(late);
  });

  it("says that a platform fee line has no outcomes behind it", async () => {
    const { customer, period } = await billedCustomer(
      (key) => ({
        platformFee: "500",
        outcomePrices: [{ definitionKey: key, unitPrice: "1.00" }],
      }),
      2,
      2,
    );
    const page = await listLineOutcomes({
      actor: testActor,
      invoiceId: await invoiceIdFor(customer.id, period),
      position: 0,
      limit: 10,
    });
    expect(page).toMatchObject({ traced: false, outcomes: [], nextCursor: null, line: { kind: "platform_fee" } });
    expect(page.note).toMatch(/no outcomes/);
  });

  it("answers NOT_FOUND for another customer's invoice, an unknown line, and VALIDATION_FAILED for a forged cursor", async () => {
    const { customer, period } = await billedCustomer(
      (key) => ({ outcomePrices: [{ definitionKey: key, unitPrice: "1.00" }] }),
      3,
      3,
    );
    const invoiceId = await invoiceIdFor(customer.id, period);
    const other = await makeCustomer();
    const outsider = await makeUser("finance", other.id);
    const owner = await makeUser("viewer", customer.id);
    await expect(listLineOutcomes({ actor: outsider, invoiceId, position: 0, limit: 10 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      listLineOutcomes({ actor: testActor, customerId: other.id, invoiceId, position: 0, limit: 10 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listLineOutcomes({ actor: owner, invoiceId, position: 7, limit: 10 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      listLineOutcomes({ actor: owner, invoiceId, position: 0, limit: 10, cursor: "bm90LWEtY3Vyc29y" }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: "cursor" }] });
    expect((await listLineOutcomes({ actor: owner, invoiceId, position: 0, limit: 10 })).outcomes).toHaveLength(3);
  });
});
