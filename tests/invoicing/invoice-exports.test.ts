import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { exportInvoice } from "@/server/services/invoicing/exports/export-invoice";
import { LINES_CSV_HEADER } from "@/server/services/invoicing/exports/invoice-lines-csv";
import { OUTCOMES_CSV_HEADER } from "@/server/services/invoicing/exports/invoice-outcomes-csv";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { issueManualCreditNote } from "@/server/services/invoicing/issue-credit-note";
import { testActor } from "../support/fixtures";
import { billedCustomer, bytesOf, invoiceIdFor, pdfText } from "./billed-period";

const hybrid = (key: string) => ({
  platformFee: "500",
  attemptFees: [{ definitionKey: null, unitPrice: "0.10" }],
  outcomePrices: [
    {
      definitionKey: key,
      unitPrice: "2.00",
      tiers: [
        { upTo: 3, unitPrice: "2.00" },
        { upTo: null, unitPrice: "1.50" },
      ],
    },
  ],
});

const csvRows = (text: string) =>
  text
    .trimEnd()
    .split("\n")
    .map((line) => line.split(","));

describe("invoice exports", () => {
  it("renders a finalized invoice as a PDF with its number, customer, lines, credit note and net due", async () => {
    const { customer, period } = await billedCustomer(hybrid, 8, 5);
    const { invoiceId, number } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    await issueManualCreditNote({ actor: testActor, input: { invoiceId, amount: "2.50", reason: "Goodwill credit" } });
    const file = await exportInvoice({ actor: testActor, invoiceId, format: "pdf" });
    expect(file).toMatchObject({ filename: `${number}.pdf`, contentType: "application/pdf" });
    const pdf = await bytesOf(file.body);
    expect(Buffer.from(pdf.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    const provider = await db().providerSettings.findUnique({ where: { id: 1 } });
    for (const expected of [
      number,
      customer.name,
      `Customer ID: ${customer.externalId}`,
      "Platform fee",
      "$500.00",
      // 8 × 0.10 + 3 × 2.00 + 2 × 1.50 + 500 = 509.80; less 2.50 credited
      "$509.80",
      "Goodwill credit",
      "-$2.50",
      "Net due",
      "$507.30",
      provider?.name ?? "Outcome Ledger",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("DRAFT");
  });

  it("labels and watermarks a draft, and names it after the customer and period", async () => {
    const { customer, period } = await billedCustomer(hybrid, 4, 4);
    const file = await exportInvoice({
      actor: testActor,
      invoiceId: await invoiceIdFor(customer.id, period),
      format: "pdf",
    });
    expect(file.filename).toBe(`draft-${customer.externalId}-${period.toISOString().slice(0, 7)}.pdf`);
    const text = pdfText(await bytesOf(file.body));
    expect(text).toContain("DRAFT — not final");
    expect(text).toMatch(/^DRAFT$/m);
  });

  it("exports the lines as CSV with amounts as exact decimals", async () => {
    const { customer, period } = await billedCustomer(hybrid, 8, 5);
    const { invoiceId, number } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    const file = await exportInvoice({ actor: testActor, invoiceId, format: "lines.csv" });
    expect(file).toMatchObject({ filename: `${number}-lines.csv`, contentType: "text/csv; charset=utf-8" });
    const [header, ...rows] = csvRows(new TextDecoder().decode(await bytesOf(file.body)));
    expect(header).toEqual([...LINES_CSV_HEADER]);
    expect(rows.map((r) => [r[0], r[1], r[3], r[4], r[5], r[6], r[7]])).toEqual([
      ["0", "platform_fee", "1", "500", "500.00", "USD", ""],
      ["1", "attempts", "8", "0.1", "0.80", "USD", ""],
      ["2", "outcomes", "3", "2", "6.00", "USD", ""],
      ["3", "outcomes", "2", "1.5", "3.00", "USD", ""],
    ]);
  });

  it("streams every outcome of a 12,000-attempt invoice, a page at a time, each row naming its lines", async () => {
    const { customer, period } = await billedCustomer(
      (key) => ({
        attemptFees: [{ definitionKey: null, unitPrice: "0.01" }],
        outcomePrices: [
          {
            definitionKey: key,
            unitPrice: "0.99",
            tiers: [
              { upTo: 10_000, unitPrice: "0.99" },
              { upTo: null, unitPrice: "0.79" },
            ],
          },
        ],
      }),
      12_000,
      11_000,
    );
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    const queries = vi.spyOn(db(), "$queryRaw");
    try {
      const started = performance.now();
      const file = await exportInvoice({ actor: testActor, invoiceId, format: "outcomes.csv" });
      expect(file.body).toBeInstanceOf(ReadableStream);
      const reader = (file.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      const first = await reader.read();
      // Nothing is read ahead of the reader but the page it is about to ask for.
      expect(queries.mock.calls.length).toBeLessThanOrEqual(2);
      let text = decoder.decode(first.value, { stream: true });
      let largest = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        largest = Math.max(largest, value.byteLength);
        text += decoder.decode(value, { stream: true });
      }
      const [header, ...rows] = csvRows(text);
      expect(header).toEqual([...OUTCOMES_CSV_HEADER]);
      expect(rows).toHaveLength(12_000);
      expect(new Set(rows.map((r) => r[0])).size).toBe(12_000);
      const lines = (r: string[]) => r[7];
      expect(rows.filter((r) => r[6] === "billable" && lines(r) === "0;1")).toHaveLength(10_000);
      expect(rows.filter((r) => r[6] === "billable" && lines(r) === "0;2")).toHaveLength(1_000);
      expect(rows.filter((r) => r[6] === "not_billable" && lines(r) === "0")).toHaveLength(1_000);
      // Pages of 5,000 rows of about 150 bytes: no chunk holds the whole file.
      expect(largest).toBeLessThan(1_500_000);
      expect(queries.mock.calls.length).toBeGreaterThanOrEqual(3);
      expect(performance.now() - started).toBeLessThan(20_000);
    } finally {
      queries.mockRestore();
    }
  }, 180_000);
});
