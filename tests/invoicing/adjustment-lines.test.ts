// Adjustment lines are amounts with their explanation; every other line is quantity × unit price.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { GET as getLinesCsv } from "@/app/api/v1/invoices/[id]/lines.csv/route";
import { GET as getPdf } from "@/app/api/v1/invoices/[id]/pdf/route";
import { GET as getInvoice } from "@/app/api/v1/invoices/[id]/route";
import { Dec } from "@/domain/money";
import { lineAddsUp } from "@/domain/rating/rate-period";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { db } from "@/server/db";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { makeContract, makeCustomer, makeDefinition, sendAttempts, testActor } from "../support/fixtures";
import { billedCustomer, DAY_MS, invoiceIdFor, monthsAgo, pdfText } from "./billed-period";

afterAll(closeApiRateLimiter);

const capped = (key: string) => ({
  platformFee: "1.00",
  attemptFees: [{ definitionKey: null, unitPrice: "0.10" }],
  outcomePrices: [{ definitionKey: key, unitPrice: "1.50" }],
  monthlyCap: "20.00",
  minimumCommitment: "7.50",
});

async function readAll(invoiceId: string, key: string) {
  const params = routeParams({ id: invoiceId });
  const json = await (await getInvoice(apiRequest(`/api/v1/invoices/${invoiceId}`, { key }), params)).json();
  const csv = await (await getLinesCsv(apiRequest(`/api/v1/invoices/${invoiceId}/lines.csv`, { key }), params)).text();
  const pdf = pdfText(
    new Uint8Array(
      await (await getPdf(apiRequest(`/api/v1/invoices/${invoiceId}/pdf`, { key }), params)).arrayBuffer(),
    ),
  );
  return { json, csv: csv.trimEnd().split("\n"), pdf };
}

describe("adjustment lines", () => {
  it("shows a cap and a minimum true-up as amounts with their explanation in REST, the CSV and the PDF", async () => {
    const { key } = await makeApiKey();
    // 30 × 0.10 + 12 × 1.50 = 21.00 of usage, capped at 20.00; then a quiet month topped up to 7.50.
    const { customer, period } = await billedCustomer(capped, 30, 12, monthsAgo(3));
    const capMonth = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: period },
    });
    const quietMonth = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: monthsAgo(2) },
    });

    const cap = await readAll(capMonth.invoiceId, key);
    expect(cap.json.lines.at(-1)).toMatchObject({
      kind: "cap_adjustment",
      description: "Monthly cap on usage charges: usage brought down to the cap of 20.00 USD",
      quantity: null,
      unitPrice: null,
      amount: "-1.00",
    });
    expect(cap.json.total).toBe("21.00");
    expect(cap.csv.at(-1)).toBe(
      "3,cap_adjustment,Monthly cap on usage charges: usage brought down to the cap of 20.00 USD,,,-1.00,USD,",
    );
    // The cap appeared as a unit price ("1 × $20.00") before; now only in the explanation.
    expect(cap.pdf).toContain("-$1.00");
    expect(cap.pdf).not.toContain("$20.00");

    const quiet = await readAll(quietMonth.invoiceId, key);
    expect(quiet.json.lines).toEqual([
      expect.objectContaining({ kind: "platform_fee", quantity: "1", unitPrice: "1", amount: "1.00" }),
      expect.objectContaining({
        kind: "minimum_true_up",
        description: "Minimum commitment true-up: platform fee and usage brought up to the minimum of 7.50 USD",
        quantity: null,
        unitPrice: null,
        amount: "6.50",
      }),
    ]);
    expect(quiet.csv.at(-1)).toMatch(/^1,minimum_true_up,.*,,,6\.50,USD,$/);
    expect(quiet.pdf.split("$7.50").length - 1).toBe(2); // total and net due, no longer a unit price as well

    const stored = await db().invoiceLine.findMany({
      where: { invoiceId: { in: [capMonth.invoiceId, quietMonth.invoiceId] } },
    });
    for (const line of stored) {
      expect(
        lineAddsUp(
          {
            ...line,
            kind: line.kind,
            quantity: line.quantity?.toFixed() ?? null,
            unitPrice: line.unitPrice?.toFixed() ?? null,
          },
          "USD",
        ),
      ).toBe(true);
    }
  });

  it("is held by the database: an adjustment line with a unit price, or a priced line without one, is refused", async () => {
    const { customer, period } = await billedCustomer(capped, 3, 3, monthsAgo(3));
    const invoiceId = await invoiceIdFor(customer.id, period);
    const line = { invoiceId, customerId: customer.id, description: "Forged", amountMinor: -100n };
    await expect(
      db().invoiceLine.create({
        data: { ...line, position: 90, kind: "cap_adjustment", quantity: "1", unitPrice: "20" },
      }),
    ).rejects.toThrow(/invoice_line_adjustment_has_no_unit_price/);
    await expect(
      db().invoiceLine.create({ data: { ...line, position: 91, kind: "outcomes", quantity: null, unitPrice: null } }),
    ).rejects.toThrow(/invoice_line_adjustment_has_no_unit_price/);
  });

  it("every line of generated contracts, drafted and finalized, reads quantity × unit price = amount", async () => {
    const price = fc.integer({ min: 1, max: 400_000 }).map((n) => new Dec(n).dividedBy(10_000).toFixed());
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          currency: fc.constantFrom("USD", "JPY", "IQD", "CLF", "HUF"),
          platformFee: fc.constantFrom("0", "12.5", "100"),
          attemptFee: fc.option(price, { nil: undefined }),
          unitPrice: price,
          tiers: fc.boolean(),
          monthlyCap: fc.option(fc.constantFrom("1", "3.3", "50"), { nil: null }),
          minimumCommitment: fc.option(fc.constantFrom("2", "75.125"), { nil: null }),
          attempts: fc.integer({ min: 1, max: 12 }),
          billableShare: fc.integer({ min: 0, max: 100 }),
        }),
        async (t) => {
          const { upsertCustomer } = await import("@/server/services/customers/upsert-customer");
          const plain = await makeCustomer();
          const { customer } = await upsertCustomer({
            actor: testActor,
            input: { externalId: plain.externalId, name: plain.name, currency: t.currency, timezone: "UTC" },
          });
          const definition = await makeDefinition();
          await makeContract(customer.id, {
            platformFee: t.platformFee,
            attemptFees: t.attemptFee ? [{ definitionKey: null, unitPrice: t.attemptFee }] : [],
            outcomePrices: [
              {
                definitionKey: definition.key,
                unitPrice: t.unitPrice,
                tiers: t.tiers
                  ? [
                      { upTo: 2, unitPrice: t.unitPrice },
                      { upTo: null, unitPrice: new Dec(t.unitPrice).dividedBy(3).toDecimalPlaces(10).toFixed() },
                    ]
                  : [],
              },
            ],
            monthlyCap: t.monthlyCap,
            minimumCommitment: t.minimumCommitment,
          });
          const period = monthsAgo(3);
          const billable = Math.floor((t.attempts * t.billableShare) / 100);
          await sendAttempts(
            customer.externalId,
            definition.key,
            new Date(period.getTime() + DAY_MS),
            t.attempts,
            billable,
          );
          const draft = await computeInvoice(customer.id, period);
          for (const line of draft.lines) expect(lineAddsUp(line, t.currency), line.description).toBe(true);
          const { invoiceId } = await finalizeInvoice({
            actor: testActor,
            input: { customerId: customer.id, periodStart: period },
          });
          const stored = await db().invoiceLine.findMany({ where: { invoiceId } });
          expect(stored).toHaveLength(draft.lines.length);
          for (const line of stored) {
            const read = {
              kind: line.kind,
              quantity: line.quantity?.toFixed() ?? null,
              unitPrice: line.unitPrice?.toFixed() ?? null,
              amountMinor: line.amountMinor,
            };
            expect(lineAddsUp(read, t.currency), line.description).toBe(true);
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 120_000);
});
