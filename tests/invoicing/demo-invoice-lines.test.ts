// Every line of every demo invoice reads true: quantity × unit price = amount, or an adjustment
// without either. The demo is what a provider evaluates the product on; its bills must add up.
import { describe, expect, it } from "vitest";
import { lineAddsUp } from "@/domain/rating/rate-period";
import { db } from "@/server/db";
import { getInvoiceById, listInvoices } from "@/server/services/invoicing/find-invoices";
import { seedDemo } from "../../prisma/seed/demo-seed";
import { runOnOwnDatabase } from "../support/database-roles";
import { testActor } from "../support/fixtures";

runOnOwnDatabase();

describe("the demo's invoices", () => {
  it("have only lines whose quantity × unit price is their amount, or adjustments without either", async () => {
    await seedDemo();
    const customers = await db().customer.findMany({ select: { id: true } });
    let checked = 0;
    const kinds = new Set<string>();
    for (const { id } of customers) {
      for (const summary of await listInvoices({ actor: testActor, customerId: id })) {
        const invoice = await getInvoiceById({ actor: testActor, invoiceId: summary.id });
        for (const line of invoice.lines) {
          expect(lineAddsUp(line, invoice.currency), `${invoice.number ?? "draft"}: ${line.description}`).toBe(true);
          kinds.add(line.kind);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
    // The demo shows the kinds of line a bill can have, adjustments among them.
    expect(kinds).toContain("outcomes");
    expect(kinds).toContain("dispute_credit");
  }, 600_000);
});
