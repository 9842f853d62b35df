// The dashboard's lead at the start of a month: what the customer owes (the last invoice, its
// amount due and due date) and what is coming, with the pending outcomes counted and their
// observation windows' closing times, instead of a month-to-date that reads as a fall to zero.
import { beforeEach, describe, expect, it } from "vitest";
import { canCompareWithLastMonth } from "@/domain/invoicing/account-status";
import { invoiceDates } from "@/domain/invoicing/payment-terms";
import { clock } from "@/server/clock";
import { loadAccountStatus } from "@/server/services/dashboard/load-account-status";
import { loadDashboard } from "@/server/services/dashboard/load-dashboard";
import { ingestEvents } from "@/server/services/ingestion/ingest-events";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { issueManualCreditNote } from "@/server/services/invoicing/issue-credit-note";
import { recordInvoicePayment } from "@/server/services/invoicing/record-invoice-payment";
import {
  makeContract,
  makeCustomer,
  makeDefinition,
  pinClockForEachTest,
  sendAttempts,
  testActor,
  uniqueId,
} from "../support/fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const monthStart = (at: Date, months: number) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + months, 1));

describe.each([
  { name: "the 1st of a month at 00:30 UTC", offset: 30 * 60_000 },
  { name: "the 2nd of a month", offset: DAY + 9 * HOUR },
])("what a customer owes and what is coming, on $name", ({ offset }) => {
  // The month after the process's own, so every instant the test writes is in the past of the pin.
  pinClockForEachTest((processNow) => new Date(monthStart(processNow, 1).getTime() + offset));

  let customerId: string;
  let current: Date;
  let previous: Date;
  let finalized: { invoiceId: string; number: string; totalMinor: bigint };

  beforeEach(async () => {
    const now = clock.now();
    current = monthStart(now, 0);
    previous = monthStart(now, -1);
    const twoBack = monthStart(now, -2);
    const customer = await makeCustomer();
    customerId = customer.id;
    const definition = await makeDefinition({ windowHours: 72 });
    await makeContract(customer.id, {
      platformFee: "100",
      outcomePrices: [{ definitionKey: definition.key, unitPrice: "1.25" }],
    });
    await sendAttempts(customer.externalId, definition.key, new Date(twoBack.getTime() + 3 * DAY), 6, 4);
    finalized = await finalizeInvoice({ actor: testActor, input: { customerId, periodStart: twoBack } });
    await sendAttempts(customer.externalId, definition.key, new Date(previous.getTime() + 5 * DAY), 5, 5);
    // The last evening of last month and this month's first minutes: still in their windows.
    const pending = (at: Date) => ({
      id: uniqueId("evt"),
      customer: customer.externalId,
      definition: definition.key,
      subject: uniqueId("ticket"),
      occurredAt: at.toISOString(),
      attributes: { closedBy: "ai" },
    });
    const { summary } = await ingestEvents({
      actor: testActor,
      items: [
        pending(new Date(current.getTime() - 3 * HOUR)),
        pending(new Date(current.getTime() - 2 * HOUR)),
        pending(new Date(current.getTime() + 10 * 60_000)),
      ],
    });
    expect(summary.accepted).toBe(3);
  });

  it("leads with the last invoice: its amount due, less credit notes, and its due date", async () => {
    await issueManualCreditNote({
      actor: testActor,
      input: { invoiceId: finalized.invoiceId, amount: "1.25", reason: "Goodwill for a slow reply" },
    });
    const account = await loadAccountStatus({ actor: testActor, customerId });
    expect(finalized.totalMinor).toBe(10_500n);
    expect(account.lastInvoice).toMatchObject({
      number: finalized.number,
      totalMinor: 10_500n,
      creditNotesMinor: 125n,
      dueMinor: 10_375n,
      paymentTermsDays: 30,
    });
    expect(account.lastInvoice?.dueAt).toEqual(
      invoiceDates(
        { periodStart: account.lastInvoice!.periodStart, finalizedAt: account.lastInvoice!.finalizedAt },
        { paymentTermsDays: 30, disputeWindowDays: 0, graceDays: 0 },
      ).dueAt,
    );
    expect(account.lastInvoice?.paymentStatus).toMatch(/^(open|overdue)$/);

    // A payment recorded on the invoice page lowers what the dashboard says is owed, to the cent.
    await recordInvoicePayment({
      actor: testActor,
      input: { invoiceId: finalized.invoiceId, amount: "100.00", paidOn: clock.now().toISOString().slice(0, 10) },
    });
    const paidPart = await loadAccountStatus({ actor: testActor, customerId });
    expect(paidPart.lastInvoice).toMatchObject({ paidMinor: 10_000n, dueMinor: 375n });
    await recordInvoicePayment({
      actor: testActor,
      input: { invoiceId: finalized.invoiceId, amount: "3.75", paidOn: clock.now().toISOString().slice(0, 10) },
    });
    const paid = await loadAccountStatus({ actor: testActor, customerId });
    expect(paid.lastInvoice).toMatchObject({ dueMinor: 0n, paymentStatus: "paid" });
  });

  it("counts the pending outcomes of each open period and says when their windows close", async () => {
    const account = await loadAccountStatus({ actor: testActor, customerId });
    expect(account.openPeriods.map((p) => p.periodStart)).toEqual([previous, current]);
    const [last, now] = account.openPeriods;
    // Last month: $100 + 5 × $1.25 decided; its two late-evening attempts wait for their windows.
    expect(last).toMatchObject({
      totalMinor: 10_625n,
      pending: {
        count: 2,
        windowsCloseFrom: new Date(current.getTime() - 3 * HOUR + 72 * HOUR),
        windowsCloseBy: new Date(current.getTime() - 2 * HOUR + 72 * HOUR),
      },
    });
    expect(last?.finalizesAt?.getTime()).toBeGreaterThan(current.getTime());
    expect(now).toMatchObject({
      totalMinor: 10_000n,
      pending: { count: 1, windowsCloseBy: new Date(current.getTime() + 10 * 60_000 + 72 * HOUR) },
    });
  });

  it("does not compare this month with last month while its outcomes are pending", async () => {
    const dashboard = await loadDashboard({ actor: testActor, customerId });
    expect(dashboard.usage).toMatchObject({ attempts: 1, pending: 1, billable: 0 });
    expect(canCompareWithLastMonth(dashboard.usage)).toBe(false);
  });
});
