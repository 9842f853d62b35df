import { describe, expect, it } from "vitest";
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { getInvoiceForPeriod } from "@/server/services/invoicing/find-invoices";
import { issueManualCreditNote } from "@/server/services/invoicing/issue-credit-note";
import { asRole, ownerUrl } from "../support/database-roles";
import { makeContract, makeCustomer, makeDefinition, sendAttempts, testActor } from "../support/fixtures";

const monthsAgo = (n: number) => {
  const now = clock.now();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1));
};

async function billedCustomer(
  terms: Parameters<typeof makeContract>[1],
  attempts: number,
  billable: number,
  period = monthsAgo(3),
) {
  const customer = await makeCustomer();
  const definition = await makeDefinition();
  await makeContract(customer.id, typeof terms === "function" ? terms : terms);
  await sendAttempts(customer.externalId, definition.key, new Date(period.getTime() + 86_400_000), attempts, billable);
  return { customer, definition, period };
}

describe("invoices", () => {
  it("bills the pure outcome model to the cent: 0.99 USD per resolved conversation", async () => {
    const { customer, period } = await billedCustomer({}, 40, 37);
    const invoice = await computeInvoice(customer.id, period);
    expect(invoice.lines.map((l) => [l.kind, l.quantity, l.amountMinor])).toEqual([["outcomes", "37", 3_663n]]);
    expect(invoice.totalMinor).toBe(3_663n);
  });

  it("bills the hybrid model: 500.00 USD platform fee + 2.00 USD per resolved ticket", async () => {
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    await makeContract(customer.id, {
      platformFee: "500",
      outcomePrices: [{ definitionKey: definition.key, unitPrice: "2.00" }],
    });
    const period = monthsAgo(3);
    await sendAttempts(customer.externalId, definition.key, new Date(period.getTime() + 86_400_000), 25, 21);
    const invoice = await computeInvoice(customer.id, period);
    expect(invoice.lines.map((l) => l.amountMinor)).toEqual([50_000n, 4_200n]);
    expect(invoice.totalMinor).toBe(54_200n);
  });

  it("bills per attempt plus per success, with a cap and a minimum: 0.10 USD + 1.50 USD", async () => {
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    await makeContract(customer.id, {
      attemptFees: [{ definitionKey: null, unitPrice: "0.10" }],
      outcomePrices: [{ definitionKey: definition.key, unitPrice: "1.50" }],
      monthlyCap: "20.00",
      minimumCommitment: "5.00",
    });
    const period = monthsAgo(3);
    await sendAttempts(customer.externalId, definition.key, new Date(period.getTime() + 86_400_000), 30, 12);
    const capped = await computeInvoice(customer.id, period);
    // 30 × 0.10 + 12 × 1.50 = 21.00, capped at 20.00
    expect(capped.lines.map((l) => [l.kind, l.amountMinor])).toEqual([
      ["attempts", 300n],
      ["outcomes", 1_800n],
      ["cap_adjustment", -100n],
    ]);
    expect(capped.totalMinor).toBe(2_000n);
    const quiet = await computeInvoice(customer.id, monthsAgo(2));
    expect(quiet.lines).toEqual([expect.objectContaining({ kind: "minimum_true_up", amountMinor: 500n })]);
  });

  it("finalizes with a number, freezes the invoice in the database, and bills a late event on the next draft", async () => {
    const { customer, definition, period } = await billedCustomer({}, 10, 10);
    const { number, totalMinor } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    expect(number).toMatch(/^INV-\d{4}-\d{6}$/);
    expect(totalMinor).toBe(990n);

    const invoice = await db().invoice.findFirstOrThrow({ where: { number } });
    await expect(db().invoice.update({ where: { id: invoice.id }, data: { totalMinor: 1n } })).rejects.toThrow(
      /finalized/,
    );
    await expect(
      db().invoiceLine.updateMany({ where: { invoiceId: invoice.id }, data: { amountMinor: 1n } }),
    ).rejects.toThrow(/permission denied/);
    // Lines are append-only for the app's role; the owner meets the trigger.
    await expect(db().invoiceLine.deleteMany({ where: { invoiceId: invoice.id } })).rejects.toThrow(
      /permission denied/,
    );
    await expect(
      asRole(ownerUrl(), (owner) => owner.query('DELETE FROM invoice_line WHERE "invoiceId" = $1', [invoice.id])),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      asRole(ownerUrl(), (owner) =>
        owner.query('UPDATE invoice_line SET "amountMinor" = 1 WHERE "invoiceId" = $1', [invoice.id]),
      ),
    ).rejects.toThrow(/cannot be changed/);

    await sendAttempts(customer.externalId, definition.key, new Date(period.getTime() + 5 * 86_400_000), 2, 2);
    const next = await computeInvoice(customer.id, nextPeriodStart(period));
    expect(next.lines).toEqual([
      expect.objectContaining({ kind: "late_items", amountMinor: 198n, sourcePeriodStart: period }),
    ]);
    const unchanged = await getInvoiceForPeriod({ actor: testActor, customerId: customer.id, periodStart: period });
    expect(unchanged.totalMinor).toBe(990n);

    await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: nextPeriodStart(period) },
    });
    const after = await computeInvoice(customer.id, nextPeriodStart(nextPeriodStart(period)));
    expect(after.lines.filter((l) => l.kind === "late_items")).toEqual([]);
  });

  it("gives two simultaneous finalizations one invoice and one number, and numbers have no gaps", async () => {
    const a = await billedCustomer({}, 3, 3);
    const b = await billedCustomer({}, 3, 2);
    const results = await Promise.all([
      finalizeInvoice({ actor: testActor, input: { customerId: a.customer.id, periodStart: a.period } }),
      finalizeInvoice({ actor: testActor, input: { customerId: a.customer.id, periodStart: a.period } }),
      finalizeInvoice({ actor: testActor, input: { customerId: b.customer.id, periodStart: b.period } }),
    ]);
    expect(results[0]!.number).toBe(results[1]!.number);
    expect(results.filter((r) => r.alreadyFinalized)).toHaveLength(1);
    const seq = (n: string) => Number(n.slice(-6));
    expect(Math.abs(seq(results[0]!.number) - seq(results[2]!.number))).toBe(1);
    expect(await db().invoice.count({ where: { customerId: a.customer.id, status: "finalized" } })).toBe(1);
  });

  it("refuses to finalize a period that has not ended", async () => {
    const customer = await makeCustomer();
    await makeContract(customer.id);
    await expect(
      finalizeInvoice({
        actor: testActor,
        input: { customerId: customer.id, periodStart: periodStartOf(clock.now()) },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("a manual credit note lowers the net due, and no credit exceeds what remains", async () => {
    const { customer, period } = await billedCustomer({}, 10, 10);
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    const note = await issueManualCreditNote({
      actor: testActor,
      input: { invoiceId, amount: "2.50", reason: "Goodwill for the outage on the 3rd" },
    });
    expect(note.number).toMatch(/^CN-\d{4}-\d{6}$/);
    const invoice = await getInvoiceForPeriod({ actor: testActor, customerId: customer.id, periodStart: period });
    expect([invoice.totalMinor, invoice.creditedMinor, invoice.netDueMinor]).toEqual([990n, 250n, 740n]);
    await expect(
      issueManualCreditNote({ actor: testActor, input: { invoiceId, amount: "7.41", reason: "Too much" } }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", message: expect.stringContaining("$7.40") });
  });
});
