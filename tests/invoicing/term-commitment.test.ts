import { afterAll, describe, expect, it } from "vitest";
import { GET as getCommitmentRoute } from "@/app/api/v1/customers/[externalId]/commitment/route";
import { POST as postContract } from "@/app/api/v1/customers/[externalId]/contracts/route";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { db } from "@/server/db";
import { commitmentAt } from "@/server/services/contracts/get-commitment";
import { exportInvoice } from "@/server/services/invoicing/exports/export-invoice";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { makeContract, makeCustomer, makeDefinition, pinClockForEachTest, testActor } from "../support/fixtures";
import { bytesOf, pdfText } from "./billed-period";

// 20 December 2026: a term from December 2025 to November 2026 has ended and can be invoiced.
pinClockForEachTest(() => new Date("2026-12-20T12:00:00Z"));
const month = (year: number, m: number) => new Date(Date.UTC(year, m - 1, 1));
const TERM = Array.from({ length: 12 }, (_, i) => month(2025, 12 + i));

afterAll(() => closeApiRateLimiter());

async function committedCustomer() {
  const customer = await makeCustomer();
  const definition = await makeDefinition();
  await makeContract(customer.id, {
    effectiveFrom: new Date("2025-12-01T00:00:00Z"),
    platformFee: "500",
    outcomePrices: [{ definitionKey: definition.key, unitPrice: "2", tiers: [] }],
    termCommitment: { amount: "12000", startMonth: "2025-12", months: 12 },
  });
  return customer;
}

describe("a 12-month commitment", () => {
  it("trues up the shortfall on the term's last invoice only, and every figure agrees", async () => {
    const customer = await committedCustomer();
    for (const periodStart of TERM.slice(0, 11)) {
      const { invoiceId } = await finalizeInvoice({
        actor: testActor,
        input: { customerId: customer.id, periodStart },
      });
      const kinds = (await db().invoiceLine.findMany({ where: { invoiceId } })).map((l) => l.kind);
      expect(kinds).not.toContain("commitment_true_up");
    }
    // Half-way through the last month (15 of 30 days): 5,500.00 counted from finalized invoices
    // and 500.00 on the draft; at 6,000.00 per 11.5 months the term would reach 6,260.87.
    const standing = await commitmentAt(customer.id, TERM[11]!, new Date("2026-11-16T00:00:00Z"));
    expect(standing).toMatchObject({
      committedMinor: 1_200_000n,
      consumedMinor: 600_000n,
      remainingMinor: 600_000n,
      monthsLeft: 0,
      projectedShortfallMinor: 573_913n,
    });
    const { invoiceId } = await finalizeInvoice({
      actor: testActor,
      input: { customerId: customer.id, periodStart: TERM[11]! },
    });
    const lines = await db().invoiceLine.findMany({ where: { invoiceId }, orderBy: { position: "asc" } });
    expect(lines.map((l) => [l.kind, l.quantity, l.unitPrice, l.amountMinor])).toEqual([
      ["platform_fee", expect.anything(), expect.anything(), 50_000n],
      ["commitment_true_up", null, null, 600_000n],
    ]);
    expect(lines[1]!.description).toBe(
      "Commitment true-up: $12,000.00 committed over 12 months (December 2025 – November 2026), $6,000.00 counted toward it",
    );
    const csv = new TextDecoder().decode(
      await bytesOf((await exportInvoice({ actor: testActor, invoiceId, format: "lines.csv" })).body),
    );
    expect(csv).toContain("commitment_true_up");
    const pdf = pdfText(await bytesOf((await exportInvoice({ actor: testActor, invoiceId, format: "pdf" })).body));
    expect(pdf).toContain("Commitment true-up");
  });

  it("reads and stores the commitment over REST, and GET …/commitment shows where it stands", async () => {
    const { key } = await makeApiKey();
    const customer = await makeCustomer();
    const definition = await makeDefinition();
    const bad = await postContract(
      apiRequest(`/api/v1/customers/${customer.externalId}/contracts`, {
        key,
        method: "POST",
        body: JSON.stringify({
          effectiveFrom: "2026-12-01T00:00:00Z",
          outcomePrices: [{ definitionKey: definition.key, unitPrice: "2" }],
          termCommitment: { amount: "0", startMonth: "2026-13", months: 0 },
          disputeWindowDays: 30,
          graceDays: 7,
          changeNote: "Annual commitment",
        }),
      }),
      routeParams({ externalId: customer.externalId }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      "termCommitment.amount",
      "termCommitment.months",
      "termCommitment.startMonth",
    ]);
    const created = await postContract(
      apiRequest(`/api/v1/customers/${customer.externalId}/contracts`, {
        key,
        method: "POST",
        body: JSON.stringify({
          effectiveFrom: "2026-12-01T00:00:00Z",
          platformFee: "1000",
          outcomePrices: [{ definitionKey: definition.key, unitPrice: "2" }],
          termCommitment: { amount: "120000", startMonth: "2026-12", months: 12 },
          disputeWindowDays: 30,
          graceDays: 7,
          changeNote: "Annual commitment",
        }),
      }),
      routeParams({ externalId: customer.externalId }),
    );
    expect(created.status).toBe(201);
    expect((await created.json()).termCommitment).toEqual({ amount: "120000", startMonth: "2026-12", months: 12 });
    const read = await getCommitmentRoute(
      apiRequest(`/api/v1/customers/${customer.externalId}/commitment`, { key }),
      routeParams({ externalId: customer.externalId }),
    );
    expect(read.status).toBe(200);
    // 20 of 31 days into the first month, 1,000.00 counted: at that pace 12 months come to
    // 1,000 / (20/31) × 12 = 18,600.00, so 101,400.00 short.
    expect(await read.json()).toEqual({
      customer: customer.externalId,
      commitment: {
        contractVersion: 1,
        currency: "USD",
        startMonth: "2026-12",
        endMonth: "2027-11",
        months: 12,
        committed: "120000.00",
        consumed: "1000.00",
        remaining: "119000.00",
        monthsLeft: 11,
        projectedShortfall: "101400.00",
      },
    });
  });
});
