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

const version = (outcomePrices: unknown[]) => ({
  effectiveFrom: "2026-01-01T00:00:00Z",
  outcomePrices,
  disputeWindowDays: 30,
  graceDays: 7,
  changeNote: "Contract shapes",
});

afterAll(() => closeApiRateLimiter());

describe("contract shapes over REST", () => {
  it("stores volume tiers with flat fees, a package, free units and a price's minimum and maximum, and reads them back", async () => {
    const { key } = await makeApiKey();
    const customer = await makeCustomer();
    const [tickets, leads] = await Promise.all([makeDefinition(), makeDefinition()]);
    const prices = [
      {
        definitionKey: tickets.key,
        unitPrice: "1",
        tiers: [
          { upTo: 1000, unitPrice: "1", flatFee: "10" },
          { upTo: null, unitPrice: "0.8" },
        ],
        tierMode: "volume",
        freeUnits: 50,
        maximum: "2000",
      },
      {
        definitionKey: leads.key,
        unitPrice: "0",
        package: { size: 100, price: "150", rounding: "prorated" },
        minimum: "300",
      },
    ];
    const created = await post(customer.externalId, key, version(prices));
    expect(created.status).toBe(201);
    const read = await getContract(
      apiRequest(`/api/v1/customers/${customer.externalId}/contract`, { key }),
      routeParams({ externalId: customer.externalId }),
    );
    const { current } = await read.json();
    expect(current.outcomePrices).toEqual([
      {
        definitionKey: tickets.key,
        unitPrice: "1",
        tiers: [
          { upTo: 1000, unitPrice: "1", flatFee: "10" },
          { upTo: null, unitPrice: "0.8", flatFee: null },
        ],
        tierMode: "volume",
        package: null,
        freeUnits: 50,
        minimum: null,
        maximum: "2000",
      },
      {
        definitionKey: leads.key,
        unitPrice: "0",
        tiers: [],
        tierMode: "graduated",
        package: { size: 100, price: "150", rounding: "prorated" },
        freeUnits: 0,
        minimum: "300",
        maximum: null,
      },
    ]);
  });

  it("refuses shapes it cannot rate honestly with 400 naming each field, and writes nothing", async () => {
    const { key } = await makeApiKey();
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    const response = await post(
      customer.externalId,
      key,
      version([
        {
          definitionKey: definition.key,
          unitPrice: "1",
          tiers: [{ upTo: null, unitPrice: "1" }],
          package: { size: 3, price: "10", rounding: "prorated" },
          minimum: "50",
          maximum: "40",
        },
        { definitionKey: `${definition.key}-volume`, unitPrice: "1", tierMode: "volume", freeUnits: -1 },
        {
          definitionKey: `${definition.key}-rounding`,
          unitPrice: "1",
          package: { size: 10, price: "1", rounding: "nearest" },
        },
      ]),
    );
    expect(response.status).toBe(400);
    const { error } = await response.json();
    const fields = Object.fromEntries(error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(fields).toMatchObject({
      "outcomePrices.0.package": expect.stringContaining("by the block or by tiers, not both"),
      "outcomePrices.0.package.rounding": expect.stringContaining("not an exact price per outcome"),
      "outcomePrices.0.minimum": expect.stringContaining("minimum is above its maximum"),
      "outcomePrices.1.tierMode": expect.stringContaining("Volume pricing needs tiers"),
      "outcomePrices.1.freeUnits": expect.stringContaining("0 or more"),
      "outcomePrices.2.package.rounding": expect.stringContaining("up, down or prorated"),
    });
    expect(await db().contract.count({ where: { customerId: customer.id } })).toBe(0);
  });
});

describe("contract shapes on the invoice", () => {
  it("shows free units, a tier's flat fee and a price's maximum in words on the lines, the PDF and the lines CSV; every line adds up", async () => {
    const { customer, period } = await billedCustomer(
      (key) => ({
        outcomePrices: [
          {
            definitionKey: key,
            unitPrice: "2",
            tiers: [
              { upTo: 2, unitPrice: "2" },
              { upTo: null, unitPrice: "1.5", flatFee: "5" },
            ],
            freeUnits: 1,
            maximum: "8",
          },
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
    // 5 outcomes: #1 free, #2 at 2.00, #3–5 at 1.50 plus the tier's 5.00 fee = 11.50, held to the maximum of 8.00.
    expect(lines.map((l) => [l.kind, l.quantity?.toString() ?? null, l.amountMinor, l.tierFrom, l.tierTo])).toEqual([
      ["outcomes", "1", 0n, 1, 1],
      ["outcomes", "1", 200n, 2, 2],
      ["outcomes", "3", 450n, 3, null],
      ["tier_flat_fee", "1", 500n, null, null],
      ["price_maximum", null, -350n, null, null],
    ]);
    for (const l of lines) {
      const read = { ...l, quantity: l.quantity?.toString() ?? null, unitPrice: l.unitPrice?.toString() ?? null };
      expect(lineAddsUp(read, "USD"), l.description).toBe(true);
    }
    const pdf = pdfText(await bytesOf((await exportInvoice({ actor: testActor, invoiceId, format: "pdf" })).body));
    const csv = new TextDecoder().decode(
      await bytesOf((await exportInvoice({ actor: testActor, invoiceId, format: "lines.csv" })).body),
    );
    for (const words of ["1 to 1, free", "flat fee for entering the tier", "this price's maximum of 8.00 USD"]) {
      expect(pdf).toContain(words);
      expect(csv).toContain(words);
    }
    expect(csv).toContain("tier_flat_fee");
  });
});
