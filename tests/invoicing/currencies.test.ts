// Currencies are rated by the product's ISO 4217 table, the same on every Node version.
import { describe, expect, it } from "vitest";
import { PUT as putCustomer } from "@/app/api/v1/customers/[externalId]/route";
import { periodStartOf } from "@/domain/invoicing/periods";
import { money } from "@/server/api/schemas/invoices";
import { clock } from "@/server/clock";
import { upsertCustomer } from "@/server/services/customers/upsert-customer";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { makeContract, makeDefinition, sendAttempts, testActor, uniqueId } from "../support/fixtures";

async function customerIn(currency: string) {
  const { customer } = await upsertCustomer({
    actor: testActor,
    input: { externalId: uniqueId("ext"), name: uniqueId(currency), currency, timezone: "UTC" },
  });
  return customer;
}

describe("currencies by ISO 4217", () => {
  it("rates 0.125 IQD × 3 to 0.375 IQD (three decimals, not ICU's none)", async () => {
    const customer = await customerIn("IQD");
    const definition = await makeDefinition();
    await makeContract(customer.id, { outcomePrices: [{ definitionKey: definition.key, unitPrice: "0.125" }] });
    const period = periodStartOf(new Date(clock.now().getTime() - 62 * 86_400_000));
    await sendAttempts(customer.externalId, definition.key, new Date(period.getTime() + 86_400_000), 3, 3);
    const invoice = await computeInvoice(customer.id, period);
    expect(invoice.lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.amountMinor])).toEqual([
      ["outcomes", "3", "0.125", 375n],
    ]);
    expect(money(invoice.totalMinor, "IQD")).toBe("0.375");
  });

  it("accepts every active code over REST, CLF and UYW included, and refuses a metal", async () => {
    const { key } = await makeApiKey();
    const put = (externalId: string, currency: string) =>
      putCustomer(
        apiRequest(`/api/v1/customers/${externalId}`, {
          key,
          method: "PUT",
          body: JSON.stringify({ name: "Fomento SpA", currency, timezone: "America/Santiago" }),
        }),
        routeParams({ externalId }),
      );
    for (const currency of ["CLF", "UYW", "huf"]) {
      const response = await put(uniqueId("ext"), currency);
      expect(response.status).toBe(201);
      expect((await response.json()).currency).toBe(currency.toUpperCase());
    }
    const gold = await put(uniqueId("ext"), "XAU");
    expect(gold.status).toBe(400);
    expect((await gold.json()).error.fields).toEqual([
      { path: "currency", message: expect.stringMatching(/ISO 4217/) },
    ]);
  });
});
