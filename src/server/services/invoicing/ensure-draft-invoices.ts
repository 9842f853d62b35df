// Every period from a customer's first contract to now has an invoice row: a draft until
// it is finalized. The row gives the invoice an id; its figures are computed live.
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { db } from "@/server/db";

export async function ensureDraftInvoices({
  customerId,
  now = clock.now(),
}: {
  customerId?: string;
  now?: Date;
} = {}): Promise<void> {
  const customers = await db().customer.findMany({
    where: customerId ? { id: customerId } : {},
    select: {
      id: true,
      currency: true,
      contracts: { select: { effectiveFrom: true }, orderBy: { effectiveFrom: "asc" }, take: 1 },
    },
  });
  const rows: { customerId: string; periodStart: Date; periodEnd: Date; currency: string }[] = [];
  for (const customer of customers) {
    const first = customer.contracts[0];
    if (!first) continue;
    for (let p = periodStartOf(first.effectiveFrom); p <= now; p = nextPeriodStart(p)) {
      rows.push({
        customerId: customer.id,
        periodStart: p,
        periodEnd: nextPeriodStart(p),
        currency: customer.currency,
      });
    }
  }
  if (rows.length > 0) await db().invoice.createMany({ data: rows, skipDuplicates: true });
}
