// Credits on an invoice never exceed its amount: the use cases check it, and the database
// holds it too (invoice."creditNotesMinor", kept by a trigger on credit notes, CHECKed).
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { issueManualCreditNote } from "@/server/services/invoicing/issue-credit-note";
import { makeCustomer, testActor } from "../support/fixtures";
import { billedCustomer } from "./billed-period";

const noteRow = (invoiceId: string, customerId: string, amountMinor: bigint, n: number) =>
  db().creditNote.create({
    data: {
      customerId,
      invoiceId,
      number: `CN-TEST-${invoiceId.slice(0, 8)}-${n}`,
      reason: "Written around the use case",
      amountMinor,
      issuedAt: new Date(0),
      issuedBy: "test",
    },
  });

describe("credits within the invoice's total", () => {
  it("the database refuses a credit note above what remains, written around the use case", async () => {
    const { customer, period } = await billedCustomer(() => ({}), 10, 10);
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    await noteRow(invoiceId, customer.id, 600n, 1);
    await expect(noteRow(invoiceId, customer.id, 391n, 2)).rejects.toThrow(/invoice_credit_notes_within_total/);
    await noteRow(invoiceId, customer.id, 390n, 3);
    const invoice = await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect([invoice.totalMinor, invoice.creditNotesMinor]).toEqual([990n, 990n]);
  });

  it("keeps the credited amount equal to the credit notes: it cannot be written by hand", async () => {
    const { customer, period } = await billedCustomer(() => ({}), 10, 10);
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    await expect(db().invoice.update({ where: { id: invoiceId }, data: { creditNotesMinor: 5n } })).rejects.toThrow(
      /finalized and cannot be changed/,
    );
  });

  it("refuses a credit note on a draft", async () => {
    const customer = await makeCustomer();
    const draft = await db().invoice.create({
      data: {
        customerId: customer.id,
        periodStart: new Date(Date.UTC(2999, 0, 1)),
        periodEnd: new Date(Date.UTC(2999, 1, 1)),
        currency: "USD",
      },
    });
    await expect(noteRow(draft.id, customer.id, 1n, 1)).rejects.toThrow(/only a finalized invoice takes credit notes/);
  });

  it("of ten credit notes issued at once, only those that fit are issued", async () => {
    const { customer, period } = await billedCustomer(() => ({}), 10, 10);
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () =>
        issueManualCreditNote({ actor: testActor, input: { invoiceId, amount: "2.00", reason: "Goodwill, at once" } }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
    const invoice = await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect(invoice.creditNotesMinor).toBe(800n);
  });

  it("holds under concurrency in the database alone: of ten notes written at once around the use case, four fit", async () => {
    const { customer, period } = await billedCustomer(() => ({}), 10, 10);
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) => noteRow(invoiceId, customer.id, 200n, n)),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(4);
    expect(await db().creditNote.count({ where: { invoiceId } })).toBe(4);
    expect((await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } })).creditNotesMinor).toBe(800n);
  });
});
