import { afterAll, describe, expect, it } from "vitest";
import { GET as getContract } from "@/app/api/v1/customers/[externalId]/contract/route";
import { POST as postContract } from "@/app/api/v1/customers/[externalId]/contracts/route";
import { lineAddsUp } from "@/domain/rating/rate-period";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { db } from "@/server/db";
import { exportInvoice } from "@/server/services/invoicing/exports/export-invoice";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { makeCustomer, makeDefinition, testActor } from "../support/fixtures";
import { billedCustomer, bytesOf, pdfText } from "./billed-period";

const post = (externalId: string, key: string, body: unknown) =>
  postContract(
    apiRequest(`/api/v1/customers/${externalId}/contracts`, { key, method: "POST", body: JSON.stringify(body) }),
    routeParams({ externalId }),
  );

const version = (definitionKey: string, discounts: unknown[]) => ({
  effectiveFrom: "2026-01-01T00:00:00Z",
  outcomePrices: [{ definitionKey, unitPrice: "2" }],
  discounts,
  disputeWindowDays: 30,
  graceDays: 7,
  changeNote: "Discounts",
});

afterAll(() => closeApiRateLimiter());

describe("contract discounts over REST", () => {
  it("stores discounts and reads them back, durations filled in", async () => {
    const { key } = await makeApiKey();
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    const created = await post(
      customer.externalId,
      key,
      version(definition.key, [
        { label: "Launch discount", kind: "percent", value: "10", periods: 3 },
        { label: "Pilot credit", kind: "fixed", value: "25", definitionKey: definition.key, until: "2026-07-01" },
      ]),
    );
    expect(created.status).toBe(201);
    const read = await getContract(
      apiRequest(`/api/v1/customers/${customer.externalId}/contract`, { key }),
      routeParams({ externalId: customer.externalId }),
    );
    const { current } = await read.json();
    expect(current.discounts).toEqual([
      { label: "Launch discount", kind: "percent", value: "10", definitionKey: null, periods: 3, until: null },
      {
        label: "Pilot credit",
        kind: "fixed",
        value: "25",
        definitionKey: definition.key,
        periods: null,
        until: "2026-07-01",
      },
    ]);
  });

  it("refuses a discount it cannot apply with 400 naming each field, and writes nothing", async () => {
    const { key } = await makeApiKey();
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    const response = await post(
      customer.externalId,
      key,
      version(definition.key, [
        { label: "Too generous", kind: "percent", value: "120" },
        { label: "Nothing off", kind: "fixed", value: "0" },
        { label: "Both", kind: "percent", value: "5", periods: 2, until: "2026-06-01" },
        { label: "", kind: "half", value: "5" },
      ]),
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    const fields = Object.fromEntries(error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(fields).toMatchObject({
      "discounts.0.value": "A percentage is more than 0 and at most 100.",
      "discounts.1.value": "A fixed discount is an amount above 0.",
      "discounts.2.until": expect.stringContaining("not both"),
      "discounts.3.label": expect.stringContaining("Name the discount"),
      "discounts.3.kind": expect.stringContaining("percentage (percent) or a fixed amount (fixed)"),
    });
    // Whether a discount's definition is priced is checked once each discount reads well.
    const elsewhere = await post(
      customer.externalId,
      key,
      version(definition.key, [{ label: "Elsewhere", kind: "percent", value: "5", definitionKey: "not_priced_here" }]),
    );
    expect(elsewhere.status).toBe(400);
    expect((await elsewhere.json()).error.fields).toEqual([
      { path: "discounts.0.definitionKey", message: expect.stringContaining("has no outcome price in this contract") },
    ]);
    expect(await db().contract.count({ where: { customerId: customer.id } })).toBe(0);
  });
});

describe("contract discounts on the invoice", () => {
  it("shows each discount in force as its own line in words on the lines, the PDF and the lines CSV; an expired one is absent", async () => {
    const { customer, period } = await billedCustomer(
      (key) => ({
        platformFee: "100",
        outcomePrices: [{ definitionKey: key, unitPrice: "2", tiers: [] }],
        discounts: [
          { label: "Pilot credit", kind: "fixed", value: "3", definitionKey: key },
          { label: "Loyalty discount", kind: "percent", value: "12.5", definitionKey: null },
          // The version starts in January 2026; the billed period is months later.
          { label: "Launch discount", kind: "percent", value: "50", definitionKey: null, periods: 1 },
        ],
      }),
      6,
      5,
    );
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    const lines = await db().invoiceLine.findMany({ where: { invoiceId }, orderBy: { position: "asc" } });
    // 100 + 5 × 2.00 = 110.00; 3.00 off the outcomes = 107.00; 12.5% of 107.00 = 13.375 → 13.38 (half-even).
    expect(lines.map((l) => [l.kind, l.quantity?.toString() ?? null, l.amountMinor])).toEqual([
      ["platform_fee", "1", 10000n],
      ["outcomes", "5", 1000n],
      ["price_discount", null, -300n],
      ["invoice_discount", null, -1338n],
    ]);
    const invoice = await db().invoice.findUniqueOrThrow({ where: { id: invoiceId } });
    expect(invoice.totalMinor).toBe(9362n);
    for (const l of lines) {
      const read = { ...l, quantity: l.quantity?.toString() ?? null, unitPrice: l.unitPrice?.toString() ?? null };
      expect(lineAddsUp(read, "USD"), l.description).toBe(true);
    }
    const pdf = pdfText(await bytesOf((await exportInvoice({ actor: testActor, invoiceId, format: "pdf" })).body));
    const csv = new TextDecoder().decode(
      await bytesOf((await exportInvoice({ actor: testActor, invoiceId, format: "lines.csv" })).body),
    );
    // The PDF wraps a long description; the CSV keeps it whole.
    for (const words of ["Pilot credit: 3.00 USD off", "Loyalty discount: 12.5% off the invoice"]) {
      expect(pdf).toContain(words);
      expect(csv).toContain(words);
    }
    expect(csv).toMatch(/Pilot credit: 3\.00 USD off .+ outcome charges/);
    expect(csv).not.toContain("Launch discount");
    expect(csv).toContain("invoice_discount");
  });
});
