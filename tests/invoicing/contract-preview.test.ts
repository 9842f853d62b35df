import { describe, expect, it } from "vitest";
import { periodStartOf } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { previewContract } from "@/server/services/contracts/preview-contract";
import { callerFor, makeContract, makeCustomer, makeDefinition, makeUser } from "../support/fixtures";
import { billedCustomer, DAY_MS } from "./billed-period";

const proposed = (definitionKey: string) => ({
  effectiveFrom: new Date(Date.UTC(2030, 0, 1)),
  platformFee: "250",
  outcomePrices: [{ definitionKey, unitPrice: "2.00" }],
  disputeWindowDays: 30,
  graceDays: 7,
  changeNote: "Preview",
});

async function footprint(customerId: string) {
  const [contracts, audit, invoices] = await Promise.all([
    db().contract.count({ where: { customerId } }),
    db().auditEntry.count({ where: { customerId } }),
    db().invoice.count({ where: { customerId } }),
  ]);
  return { contracts, audit, invoices };
}

describe("contracts", () => {
  it("previews a month under proposed terms beside the terms in force, and writes nothing", async () => {
    const { customer, definition, period } = await billedCustomer(
      (key) => ({ outcomePrices: [{ definitionKey: key, unitPrice: "0.99" }] }),
      6,
      4,
    );
    const admin = await makeUser("admin");
    const before = await footprint(customer.id);
    const preview = await previewContract({
      actor: admin,
      customerId: customer.id,
      input: proposed(definition.key),
      now: new Date(period.getTime() + 20 * DAY_MS),
    });
    expect(preview).toMatchObject({ periodStart: period, currency: "USD", totalMinor: 25_000n + 4n * 200n });
    expect(preview.lines.map((l) => [l.kind, l.quantity, l.amountMinor])).toEqual([
      ["platform_fee", "1", 25_000n],
      ["outcomes", "4", 800n],
    ]);
    expect(preview.currentTotalMinor).toBe(4n * 99n);
    expect(await footprint(customer.id)).toEqual(before);
  });

  it("previews a later version's discounts as its first billing period would bill them", async () => {
    const { customer, definition, period } = await billedCustomer(
      (key) => ({ outcomePrices: [{ definitionKey: key, unitPrice: "0.99" }] }),
      6,
      4,
    );
    const admin = await makeUser("admin");
    const preview = await previewContract({
      actor: admin,
      customerId: customer.id,
      input: {
        ...proposed(definition.key),
        discounts: [{ label: "Launch discount", kind: "percent", value: "10", periods: 1 }],
      },
      now: new Date(period.getTime() + 20 * DAY_MS),
    });
    // 250.00 + 4 × 2.00 = 258.00; 10% = 25.80.
    expect(preview.lines.at(-1)).toMatchObject({
      kind: "invoice_discount",
      description: "Launch discount: 10% off the invoice",
      amountMinor: -2_580n,
    });
    expect(preview.totalMinor).toBe(25_800n - 2_580n);
  });

  it("previews the current month through tRPC, for admins only", async () => {
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    await makeContract(customer.id, { outcomePrices: [{ definitionKey: definition.key, unitPrice: "0.99" }] });
    const [admin, reviewer] = await Promise.all([makeUser("admin"), makeUser("reviewer")]);
    const input = { customerId: customer.id, terms: proposed(definition.key) };
    expect(await callerFor(admin).contracts.preview(input)).toMatchObject({
      periodStart: periodStartOf(clock.now()),
      totalMinor: 25_000n,
      currentTotalMinor: 0n,
    });
    await expect(callerFor(reviewer).contracts.preview(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses invalid proposed terms with the field's path", async () => {
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    const admin = await makeUser("admin");
    const terms = { ...proposed(definition.key), monthlyCap: "lots" };
    await expect(callerFor(admin).contracts.preview({ customerId: customer.id, terms })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { issues: [expect.objectContaining({ path: ["terms", "monthlyCap"] })] },
    });
  });

  it("lets admins create versions and provider staff read them; customers read neither", async () => {
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    const [admin, reviewer, finance] = await Promise.all([
      makeUser("admin"),
      makeUser("reviewer"),
      makeUser("finance", customer.id),
    ]);
    const terms = { ...proposed(definition.key), effectiveFrom: new Date(Date.UTC(2026, 0, 1)) };
    await expect(callerFor(reviewer).contracts.create({ customerId: customer.id, terms })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const created = await callerFor(admin).contracts.create({ customerId: customer.id, terms });
    expect(created.version).toBe(1);
    expect(await callerFor(reviewer).contracts.current({ customerId: customer.id })).toMatchObject({ id: created.id });
    expect((await callerFor(reviewer).contracts.versions({ customerId: customer.id })).map((v) => v.version)).toEqual([
      1,
    ]);
    await expect(callerFor(finance).contracts.current({ customerId: customer.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(callerFor(finance).contracts.preview({ customerId: customer.id, terms })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
