import { afterAll, describe, expect, it } from "vitest";
import { GET as getCreditNote } from "@/app/api/v1/credit-notes/[id]/route";
import { GET as listCreditNotes } from "@/app/api/v1/credit-notes/route";
import { GET as getContract } from "@/app/api/v1/customers/[externalId]/contract/route";
import { POST as postContract } from "@/app/api/v1/customers/[externalId]/contracts/route";
import { GET as getLineOutcomes } from "@/app/api/v1/invoices/[id]/lines/[position]/outcomes/route";
import { GET as getLinesCsv } from "@/app/api/v1/invoices/[id]/lines.csv/route";
import { GET as getOutcomesCsv } from "@/app/api/v1/invoices/[id]/outcomes.csv/route";
import { GET as getPdf } from "@/app/api/v1/invoices/[id]/pdf/route";
import { GET as getInvoice } from "@/app/api/v1/invoices/[id]/route";
import { GET as listInvoices } from "@/app/api/v1/invoices/route";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { issueManualCreditNote } from "@/server/services/invoicing/issue-credit-note";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { makeCustomer, makeDefinition, testActor } from "../support/fixtures";
import { billedCustomer } from "./billed-period";

afterAll(closeApiRateLimiter);

async function finalizedInvoice() {
  const billed = await billedCustomer(
    (key) => ({ platformFee: "100", outcomePrices: [{ definitionKey: key, unitPrice: "0.99" }] }),
    6,
    5,
  );
  const finalized = await finalizeInvoice({
    actor: testActor,
    input: { customerId: billed.customer.id, periodStart: billed.period },
  });
  return { ...billed, ...finalized };
}

describe("REST v1 invoices", () => {
  it("lists a customer's invoices and reads one with its lines and links", async () => {
    const { key } = await makeApiKey();
    const { customer, invoiceId, number } = await finalizedInvoice();
    const list = await listInvoices(
      apiRequest(`/api/v1/invoices?customer=${customer.externalId}`, { key }),
      routeParams({}),
    );
    expect(list.status).toBe(200);
    const { data } = await list.json();
    expect(data.find((i: { id: string }) => i.id === invoiceId)).toMatchObject({
      customer: customer.externalId,
      status: "finalized",
      number,
      total: "104.95",
      netDue: "104.95",
    });
    expect(data.filter((i: { status: string }) => i.status === "draft").length).toBeGreaterThan(0);

    const one = await getInvoice(apiRequest(`/api/v1/invoices/${invoiceId}`, { key }), routeParams({ id: invoiceId }));
    expect(one.status).toBe(200);
    const invoice = await one.json();
    expect(invoice.lines).toEqual([
      expect.objectContaining({ position: 0, kind: "platform_fee", amount: "100.00", outcomes: null }),
      expect.objectContaining({
        position: 1,
        kind: "outcomes",
        quantity: "5",
        unitPrice: "0.99",
        amount: "4.95",
        outcomes: `/api/v1/invoices/${invoiceId}/lines/1/outcomes`,
      }),
    ]);
    expect(invoice.downloads.pdf).toBe(`/api/v1/invoices/${invoiceId}/pdf`);
  });

  it("refuses a list without a customer (400 naming the field) and answers 404 for unknown ids", async () => {
    const { key } = await makeApiKey();
    const bad = await listInvoices(apiRequest("/api/v1/invoices", { key }), routeParams({}));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toEqual([expect.objectContaining({ path: "customer" })]);
    const unknown = "7d9a3c1e-4b2f-4e8a-9c6d-1f0e2d3c4b5a";
    const missing = await getInvoice(apiRequest(`/api/v1/invoices/${unknown}`, { key }), routeParams({ id: unknown }));
    expect(missing.status).toBe(404);
  });

  it("pages through a line's outcomes with the cursor", async () => {
    const { key } = await makeApiKey();
    const { invoiceId } = await finalizedInvoice();
    const page = (cursor?: string) =>
      getLineOutcomes(
        apiRequest(`/api/v1/invoices/${invoiceId}/lines/1/outcomes?limit=3${cursor ? `&cursor=${cursor}` : ""}`, {
          key,
        }),
        routeParams({ id: invoiceId, position: "1" }),
      );
    const first = await (await page()).json();
    expect(first.data).toHaveLength(3);
    expect(first.data[0]).toMatchObject({ status: "billable", billedAs: "billable", definitionVersion: 1 });
    const second = await (await page(first.nextCursor)).json();
    expect(second.data).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const fee = await getLineOutcomes(
      apiRequest(`/api/v1/invoices/${invoiceId}/lines/0/outcomes`, { key }),
      routeParams({ id: invoiceId, position: "0" }),
    );
    expect(await fee.json()).toMatchObject({ traced: false, data: [], line: { kind: "platform_fee" } });
  });

  it("downloads the PDF and the CSVs as attachments named after the invoice", async () => {
    const { key } = await makeApiKey();
    const { invoiceId, number } = await finalizedInvoice();
    const request = (path: string) => apiRequest(`/api/v1/invoices/${invoiceId}/${path}`, { key });
    const pdf = await getPdf(request("pdf"), routeParams({ id: invoiceId }));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="${number}.pdf"`);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString("latin1"),
    ).toBe("%PDF-");

    const lines = await getLinesCsv(request("lines.csv"), routeParams({ id: invoiceId }));
    expect(lines.headers.get("content-disposition")).toBe(`attachment; filename="${number}-lines.csv"`);
    expect((await lines.text()).split("\n")[0]).toBe(
      "position,kind,description,quantity,unit_price,amount,currency,source_period",
    );
    const outcomes = await getOutcomesCsv(request("outcomes.csv"), routeParams({ id: invoiceId }));
    expect(outcomes.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await outcomes.text()).trimEnd().split("\n")).toHaveLength(7);
  });

  it("lists and reads credit notes", async () => {
    const { key } = await makeApiKey();
    const { customer, invoiceId, number } = await finalizedInvoice();
    const note = await issueManualCreditNote({
      actor: testActor,
      input: { invoiceId, amount: "4.95", reason: "Outcomes counted twice" },
    });
    const list = await listCreditNotes(
      apiRequest(`/api/v1/credit-notes?customer=${customer.externalId}`, { key }),
      routeParams({}),
    );
    expect((await list.json()).data).toEqual([
      expect.objectContaining({ id: note.id, amount: "4.95", invoice: { id: invoiceId, number } }),
    ]);
    const one = await getCreditNote(
      apiRequest(`/api/v1/credit-notes/${note.id}`, { key }),
      routeParams({ id: note.id }),
    );
    expect(await one.json()).toMatchObject({
      number: note.number,
      customer: customer.externalId,
      currency: "USD",
      lines: [{ description: "Outcomes counted twice", amount: "4.95", attemptId: null }],
    });
  });
});

describe("REST v1 contracts", () => {
  const post = (externalId: string, key: string, body: unknown) =>
    postContract(
      apiRequest(`/api/v1/customers/${externalId}/contracts`, { key, method: "POST", body: JSON.stringify(body) }),
      routeParams({ externalId }),
    );

  it("creates a contract version (201) and reads it back as the version in force", async () => {
    const { key } = await makeApiKey();
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    const terms = {
      effectiveFrom: "2026-01-01T00:00:00Z",
      platformFee: "500",
      outcomePrices: [
        {
          definitionKey: definition.key,
          unitPrice: "2.00",
          tiers: [
            { upTo: 1000, unitPrice: "2.00" },
            { upTo: null, unitPrice: "1.80" },
          ],
        },
      ],
      monthlyCap: "5000",
      disputeWindowDays: 30,
      graceDays: 7,
      changeNote: "Volume discount above 1,000 resolved tickets",
    };
    const created = await post(customer.externalId, key, terms);
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`/api/v1/customers/${customer.externalId}/contract`);
    const contract = await created.json();
    expect(contract).toMatchObject({ version: 1, currency: "USD", platformFee: "500", monthlyCap: "5000" });
    // A price given without the later fields reads back with what their absence means.
    expect(contract.outcomePrices[0]).toEqual({
      ...terms.outcomePrices[0],
      tiers: terms.outcomePrices[0]!.tiers.map((t) => ({ ...t, flatFee: null })),
      tierMode: "graduated",
      package: null,
      freeUnits: 0,
      minimum: null,
      maximum: null,
    });

    const read = await getContract(
      apiRequest(`/api/v1/customers/${customer.externalId}/contract`, { key }),
      routeParams({ externalId: customer.externalId }),
    );
    expect(await read.json()).toMatchObject({
      customer: customer.externalId,
      current: { id: contract.id, version: 1 },
      versions: [{ id: contract.id }],
    });
  });

  it("refuses bad terms with 400 naming every field path, and an unknown customer with 404", async () => {
    const { key } = await makeApiKey();
    const customer = await makeCustomer();
    const response = await post(customer.externalId, key, {
      effectiveFrom: "2026-01-15T00:00:00Z",
      platformFee: "-5",
      outcomePrices: [
        {
          definitionKey: "ticket_resolved",
          unitPrice: "1",
          tiers: [
            { upTo: 100, unitPrice: "1" },
            { upTo: 50, unitPrice: "0.9" },
          ],
        },
      ],
      disputeWindowDays: 30,
      graceDays: 7,
      changeNote: "Broken",
    });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(["platformFee", "outcomePrices.0.tiers.1.upTo"]),
    );
    const missing = await post("no-such-customer", key, {
      disputeWindowDays: 1,
      graceDays: 7,
      changeNote: "x",
      effectiveFrom: "2026-01-01T00:00:00Z",
    });
    expect(missing.status).toBe(404);
  });
});
