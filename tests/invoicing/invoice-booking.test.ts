// What an accounts-payable team books an invoice by: payments (REST and tRPC), the PO number,
// manual credit notes over REST, and the legal details and dates on the PDF.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { GET as getCreditNotePdf } from "@/app/api/v1/credit-notes/[id]/pdf/route";
import { GET as listCreditNotes, POST as postCreditNote } from "@/app/api/v1/credit-notes/route";
import { POST as postPayment } from "@/app/api/v1/invoices/[id]/payments/route";
import { GET as getPdf } from "@/app/api/v1/invoices/[id]/pdf/route";
import { GET as getInvoice } from "@/app/api/v1/invoices/[id]/route";
import { GET as listInvoices } from "@/app/api/v1/invoices/route";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { resetNow, setNow } from "@/server/clock";
import { db } from "@/server/db";
import { upsertCustomer } from "@/server/services/customers/upsert-customer";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { callerFor, makeCustomer, makeUser, testActor } from "../support/fixtures";
import { billedCustomer, DAY_MS, invoiceIdFor, pdfText } from "./billed-period";

afterAll(closeApiRateLimiter);
afterEach(resetNow);

const terms = (key: string) => ({
  platformFee: "100",
  outcomePrices: [{ definitionKey: key, unitPrice: "0.99" }],
  paymentTermsDays: 14,
  disputeWindowDays: 20,
});

/** 100.00 + 5 × 0.99 = 104.95, finalized now. */
async function finalizedInvoice() {
  const billed = await billedCustomer(terms, 6, 5);
  const finalized = await finalizeInvoice({
    actor: testActor,
    input: { customerId: billed.customer.id, periodStart: billed.period },
  });
  return { ...billed, ...finalized };
}

const pay = (key: string, invoiceId: string, body: unknown) =>
  postPayment(
    apiRequest(`/api/v1/invoices/${invoiceId}/payments`, { key, method: "POST", body: JSON.stringify(body) }),
    routeParams({ id: invoiceId }),
  );

const readInvoice = async (key: string, invoiceId: string) =>
  (await getInvoice(apiRequest(`/api/v1/invoices/${invoiceId}`, { key }), routeParams({ id: invoiceId }))).json();

const issue = (key: string, body: unknown) =>
  postCreditNote(
    apiRequest("/api/v1/credit-notes", { key, method: "POST", body: JSON.stringify(body) }),
    routeParams({}),
  );

describe("payments over REST", () => {
  it("adds partial payments up to paid, exactly, and audits each", async () => {
    const { key } = await makeApiKey();
    const { invoiceId } = await finalizedInvoice();
    const first = await pay(key, invoiceId, { amount: "100.10", paidOn: "2026-01-20" });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      payment: { amount: "100.10", paidOn: "2026-01-20" },
      paymentStatus: "open",
      paid: "100.10",
      outstanding: "4.85",
    });
    const second = await pay(key, invoiceId, { amount: "4.85", paidOn: "2026-01-21" });
    expect(await second.json()).toMatchObject({ paymentStatus: "paid", paid: "104.95", outstanding: "0.00" });
    const invoice = await readInvoice(key, invoiceId);
    expect(invoice).toMatchObject({ paymentStatus: "paid", paid: "104.95", outstanding: "0.00" });
    expect(invoice.payments.map((p: { amount: string }) => p.amount)).toEqual(["100.10", "4.85"]);
    const audited = await db().auditEntry.count({
      where: { subjectId: invoiceId, action: "invoice.payment_recorded" },
    });
    expect(audited).toBe(2);
  });

  it("refuses an over-payment, a third decimal and a future day with a field error, recording nothing", async () => {
    const { key } = await makeApiKey();
    const { invoiceId } = await finalizedInvoice();
    const over = await pay(key, invoiceId, { amount: "104.96", paidOn: "2026-01-20" });
    expect(over.status).toBe(400);
    expect((await over.json()).error.fields).toEqual([{ path: "amount", message: "At most $104.95." }]);
    const fraction = await pay(key, invoiceId, { amount: "1.005", paidOn: "2026-01-20" });
    expect((await fraction.json()).error.fields).toEqual([expect.objectContaining({ path: "amount" })]);
    const future = await pay(key, invoiceId, { amount: "1.00", paidOn: "2999-01-01" });
    expect((await future.json()).error.fields).toEqual([expect.objectContaining({ path: "paidOn" })]);
    expect(await db().invoicePayment.count({ where: { invoiceId } })).toBe(0);
  });

  it("dates the invoice from the contract's terms and turns overdue at the due instant by the clock", async () => {
    const { key } = await makeApiKey();
    const { invoiceId } = await finalizedInvoice();
    const invoice = await readInvoice(key, invoiceId);
    const issued = new Date(invoice.issuedAt).getTime();
    expect(invoice.paymentTerms).toEqual({ days: 14, label: "Net 14" });
    expect(new Date(invoice.dueAt).getTime()).toBe(issued + 14 * DAY_MS);
    expect(new Date(invoice.disputeBy).getTime()).toBe(issued + 20 * DAY_MS);
    expect(invoice.paymentStatus).toBe("open");
    await pay(key, invoiceId, { amount: "50.00", paidOn: invoice.issuedAt.slice(0, 10) });
    setNow(new Date(issued + 14 * DAY_MS - 60_000), { frozen: true });
    expect((await readInvoice(key, invoiceId)).paymentStatus).toBe("open");
    setNow(new Date(issued + 14 * DAY_MS), { frozen: true });
    expect(await readInvoice(key, invoiceId)).toMatchObject({ paymentStatus: "overdue", outstanding: "54.95" });
  });

  it("lists each invoice with the due date, payment status, paid and outstanding of the invoice itself", async () => {
    const { key } = await makeApiKey();
    const { invoiceId, customer } = await finalizedInvoice();
    const issued = new Date((await readInvoice(key, invoiceId)).issuedAt).getTime();
    await pay(key, invoiceId, { amount: "4.95", paidOn: new Date(issued).toISOString().slice(0, 10) });
    setNow(new Date(issued + 15 * DAY_MS), { frozen: true });
    const listed = await (
      await listInvoices(apiRequest(`/api/v1/invoices?customer=${customer.externalId}`, { key }), routeParams({}))
    ).json();
    const fields = ["finalizesAt", "dueAt", "paymentStatus", "paid", "outstanding", "netDue"] as const;
    expect(listed.data.length).toBeGreaterThanOrEqual(2); // the finalized month and a draft
    for (const entry of listed.data) {
      const own = await readInvoice(key, entry.id);
      for (const field of fields) expect({ field, value: entry[field] }).toEqual({ field, value: own[field] });
    }
    expect(listed.data.find((i: { id: string }) => i.id === invoiceId)).toMatchObject({
      paymentStatus: "overdue",
      paid: "4.95",
      outstanding: "100.00",
    });
    expect(listed.data.find((i: { status: string }) => i.status === "draft")).toMatchObject({
      paymentStatus: null,
      dueAt: null,
    });
  });

  it("refuses payments on a draft (409) and answers 404 for an unknown invoice", async () => {
    const { key } = await makeApiKey();
    const { customer, period } = await billedCustomer(terms, 2, 2);
    const draftId = await invoiceIdFor(
      customer.id,
      new Date(Date.UTC(period.getUTCFullYear(), period.getUTCMonth() + 3, 1)),
    );
    expect((await pay(key, draftId, { amount: "1.00", paidOn: "2026-01-20" })).status).toBe(409);
    const unknown = "7d9a3c1e-4b2f-4e8a-9c6d-1f0e2d3c4b5a";
    expect((await pay(key, unknown, { amount: "1.00", paidOn: "2026-01-20" })).status).toBe(404);
  });

  it("lets only provider admins mark payments and voids: a customer's finance user cannot", async () => {
    const { invoiceId, customer } = await finalizedInvoice();
    const finance = await makeUser("finance", customer.id);
    const input = { invoiceId, amount: "1.00", paidOn: "2026-01-20" };
    await expect(callerFor(finance).invoices.recordPayment(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(finance).invoices.void({ invoiceId, reason: "Not ours" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const admin = await makeUser("admin");
    await callerFor(admin).invoices.void({ invoiceId, reason: "Issued to the wrong entity" });
    const seen = await callerFor(finance).invoices.byId({ invoiceId });
    expect(seen.booking).toMatchObject({ paymentStatus: "void", voided: { reason: "Issued to the wrong entity" } });
    await expect(callerFor(admin).invoices.recordPayment(input)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("the customer's PO number", () => {
  it("is written by the customer's finance user on the draft, audited, and refused in words once finalized", async () => {
    const { customer, period } = await billedCustomer(terms, 2, 2);
    const invoiceId = await invoiceIdFor(customer.id, period);
    const finance = await makeUser("finance", customer.id);
    await callerFor(finance).invoices.setPoNumber({ invoiceId, poNumber: "  PO-4471 " });
    expect((await callerFor(finance).invoices.byId({ invoiceId })).booking.poNumber).toBe("PO-4471");
    const entry = await db().auditEntry.findFirst({
      where: { subjectId: invoiceId, action: "invoice.po_number_changed" },
    });
    expect(entry?.after).toEqual({ poNumber: "PO-4471" });

    const viewer = await makeUser("viewer", customer.id);
    await expect(callerFor(viewer).invoices.setPoNumber({ invoiceId, poNumber: "X" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const stranger = await makeUser("finance", (await makeCustomer()).id);
    await expect(callerFor(stranger).invoices.setPoNumber({ invoiceId, poNumber: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      callerFor(finance).invoices.setPoNumber({ invoiceId, poNumber: "x".repeat(101) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    const { number } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    const refused = callerFor(finance).invoices.setPoNumber({ invoiceId, poNumber: "PO-9999" });
    await expect(refused).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(refused).rejects.toThrow(`${number} is finalized: its PO number can no longer change.`);
    expect((await callerFor(finance).invoices.byId({ invoiceId })).booking.poNumber).toBe("PO-4471");
  });
});

describe("credit notes over REST", () => {
  it("issues a manual credit note within what remains uncredited, and lists it for its customer only", async () => {
    const { key } = await makeApiKey();
    const { invoiceId, customer, number } = await finalizedInvoice();
    const issued = await issue(key, { invoiceId, amount: "4.95", reason: "Outcomes counted twice" });
    expect(issued.status).toBe(201);
    const note = await issued.json();
    expect(note).toMatchObject({ amount: "4.95", invoice: { id: invoiceId, number }, customer: customer.externalId });
    expect(issued.headers.get("location")).toBe(`/api/v1/credit-notes/${note.id}`);

    const above = await issue(key, { invoiceId, amount: "100.01", reason: "Too much" });
    expect(above.status).toBe(400);
    expect((await above.json()).error.fields).toEqual([{ path: "amount", message: "At most $100.00." }]);
    expect(await readInvoice(key, invoiceId)).toMatchObject({ credited: "4.95", netDue: "100.00" });

    const other = await finalizedInvoice();
    const list = await listCreditNotes(
      apiRequest(`/api/v1/credit-notes?customer=${other.customer.externalId}`, { key }),
      routeParams({}),
    );
    expect((await list.json()).data).toEqual([]);
  });

  it("downloads a credit note as a PDF with both parties, the invoice it corrects and its time in the customer's zone", async () => {
    const { key } = await makeApiKey();
    const billed = await billedCustomer(terms, 6, 5);
    await upsertCustomer({
      actor: testActor,
      input: {
        externalId: billed.customer.externalId,
        name: billed.customer.name,
        currency: "USD",
        timezone: "Asia/Kolkata",
        legalName: "Kolkata Customer Pvt Ltd",
        taxId: "IN GST 19ABCDE1234F1Z5",
      },
    });
    const { invoiceId, number } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: billed.customer.id, periodStart: billed.period },
    });
    const issuedAt = new Date("2026-03-10T20:00:00Z");
    setNow(issuedAt, { frozen: true });
    const note = await (await issue(key, { invoiceId, amount: "1.23", reason: "Goodwill" })).json();
    const pdf = await getCreditNotePdf(
      apiRequest(`/api/v1/credit-notes/${note.id}/pdf`, { key }),
      routeParams({ id: note.id }),
    );
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="${note.number}.pdf"`);
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
    for (const expected of [
      "CREDIT NOTE",
      note.number,
      number,
      "Kolkata Customer Pvt Ltd",
      "Tax ID: IN GST 19ABCDE1234F1Z5",
      // 20:00 UTC is 01:30 the next day in Kolkata (the line may wrap before the zone).
      "Mar 11, 2026, 1:30 AM",
      "GMT+5:30",
      "Times in Asia/Kolkata.",
      "-$1.23",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("refuses a draft (409), a bad body (400 naming fields) and customers' users over tRPC", async () => {
    const { key } = await makeApiKey();
    const { customer, period } = await billedCustomer(terms, 2, 2);
    const draftId = await invoiceIdFor(customer.id, period);
    expect((await issue(key, { invoiceId: draftId, amount: "1.00", reason: "Goodwill" })).status).toBe(409);
    const bad = await issue(key, { invoiceId: draftId, amount: "-1", reason: "" });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["amount", "reason"]);
    const finance = await makeUser("finance", customer.id);
    await expect(
      callerFor(finance).invoices.issueCreditNote({ invoiceId: draftId, amount: "1.00", reason: "Goodwill" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("parties as issued", () => {
  it("keeps a finalized invoice's and its credit notes' parties and zone when the settings change later", async () => {
    const { key } = await makeApiKey();
    const admin = await makeUser("admin");
    await callerFor(admin).settings.updateLegalDetails({
      legalName: "Acme Support AI, Inc.",
      address: "500 Howard Street",
      taxId: "US 94-1234567",
    });
    const billed = await billedCustomer(terms, 6, 5);
    const customerInput = {
      externalId: billed.customer.externalId,
      name: billed.customer.name,
      currency: "USD",
      timezone: "America/New_York",
      legalName: "Globex Corporation Inc.",
      address: "1 Globex Plaza",
      taxId: "US 12-3456789",
    };
    await upsertCustomer({ actor: testActor, input: customerInput });
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: billed.customer.id, periodStart: billed.period },
    });
    const asIssued = await readInvoice(key, invoiceId);
    const pdfOf = async () =>
      pdfText(
        new Uint8Array(
          await (
            await getPdf(apiRequest(`/api/v1/invoices/${invoiceId}/pdf`, { key }), routeParams({ id: invoiceId }))
          ).arrayBuffer(),
        ),
      );
    const pdfAsIssued = await pdfOf();

    // Both parties move, rename and change tax IDs after the invoice went out.
    await callerFor(admin).settings.updateLegalDetails({
      legalName: "Acme Holdings Ltd",
      address: "1 New Street",
      taxId: "GB 123456789",
    });
    await upsertCustomer({
      actor: testActor,
      input: { ...customerInput, timezone: "Europe/Berlin", legalName: "Globex GmbH", taxId: "DE 999999999" },
    });

    const now = await readInvoice(key, invoiceId);
    expect({ seller: now.seller, buyer: now.buyer, timeZone: now.timeZone }).toEqual({
      seller: asIssued.seller,
      buyer: asIssued.buyer,
      timeZone: "America/New_York",
    });
    expect(asIssued.buyer).toMatchObject({ legalName: "Globex Corporation Inc.", taxId: "US 12-3456789" });
    expect(await pdfOf()).toBe(pdfAsIssued);

    const note = await (await issue(key, { invoiceId, amount: "1.00", reason: "Goodwill" })).json();
    const notePdf = pdfText(
      new Uint8Array(
        await (
          await getCreditNotePdf(
            apiRequest(`/api/v1/credit-notes/${note.id}/pdf`, { key }),
            routeParams({ id: note.id }),
          )
        ).arrayBuffer(),
      ),
    );
    for (const expected of ["Acme Support AI, Inc.", "Globex Corporation Inc.", "Times in America/New_York."]) {
      expect(notePdf).toContain(expected);
    }
    for (const later of ["Acme Holdings Ltd", "Globex GmbH", "Europe/Berlin"]) expect(notePdf).not.toContain(later);

    // The next period's draft is not issued yet: it reads the parties as they are now.
    const draftId = await invoiceIdFor(
      billed.customer.id,
      new Date(Date.UTC(billed.period.getUTCFullYear(), billed.period.getUTCMonth() + 1, 1)),
    );
    expect(await readInvoice(key, draftId)).toMatchObject({
      seller: { legalName: "Acme Holdings Ltd" },
      buyer: { legalName: "Globex GmbH" },
      timeZone: "Europe/Berlin",
    });
  });

  it("refuses a finalized invoice without its parties, in the database", async () => {
    const billed = await billedCustomer(terms, 2, 2);
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: billed.customer.id, periodStart: billed.period },
    });
    const row = await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect(row.seller).not.toBeNull();
    expect(row.issuedTimeZone).not.toBeNull();
    await expect(
      db().invoice.update({ where: { id: invoiceId }, data: { buyer: { name: "Someone else" } } }),
    ).rejects.toThrow(/finalized and cannot be changed/);
  });
});

describe("the invoice PDF", () => {
  it("prints both parties' legal details, the dates in the customer's zone, the terms and the PO number", async () => {
    const { key } = await makeApiKey();
    const admin = await makeUser("admin");
    await callerFor(admin).settings.updateLegalDetails({
      legalName: "Acme Support AI, Inc.",
      address: "500 Howard Street\nSan Francisco, CA 94105",
      taxId: "US 94-1234567",
    });
    const billed = await billedCustomer(terms, 3, 3);
    await upsertCustomer({
      actor: testActor,
      input: {
        externalId: billed.customer.externalId,
        name: billed.customer.name,
        currency: "USD",
        timezone: "America/New_York",
        legalName: "Globex Corporation Inc.",
        address: "1 Globex Plaza\nSpringfield, OR 97477",
        taxId: "US 12-3456789",
      },
    });
    const invoiceId = await invoiceIdFor(billed.customer.id, billed.period);
    const finance = await makeUser("finance", billed.customer.id);
    await callerFor(finance).invoices.setPoNumber({ invoiceId, poNumber: "PO-4471" });
    // Finalized at 02:00 UTC: the evening before in New York.
    const finalizedAt = new Date(billed.period.getTime() + 40 * DAY_MS + 2 * 3_600_000);
    setNow(finalizedAt, { frozen: true });
    await finalizeInvoice({ actor: testActor, input: { customerId: billed.customer.id, periodStart: billed.period } });
    const pdf = await getPdf(apiRequest(`/api/v1/invoices/${invoiceId}/pdf`, { key }), routeParams({ id: invoiceId }));
    const text = pdfText(new Uint8Array(await pdf.arrayBuffer()));
    const inNewYork = (at: Date) =>
      new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", dateStyle: "medium" }).format(at);
    for (const expected of [
      "Acme Support AI, Inc.",
      "500 Howard Street",
      "Tax ID: US 94-1234567",
      "Globex Corporation Inc.",
      "1 Globex Plaza",
      "Tax ID: US 12-3456789",
      "PO-4471",
      "Net 14",
      inNewYork(finalizedAt),
      inNewYork(new Date(finalizedAt.getTime() + 14 * DAY_MS)),
      "Dates and times in America/New_York.",
      "calendar month in UTC.",
    ]) {
      expect(text).toContain(expected);
    }
  });
});
