import { beforeAll, describe, expect, it } from "vitest";
import { periodStartOf } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { loadDashboard } from "@/server/services/dashboard/load-dashboard";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";
import { DAY_MS, monthsAgo } from "../invoicing/billed-period";
import {
  callerFor,
  makeContract,
  makeCustomer,
  makeDefinition,
  makeUser,
  sendAttempts,
  testActor,
} from "../support/fixtures";

// A month two months back, seen from its 15th at noon: "this month" and "last month" are
// both in the past, so every attempt's observation window has closed.
const period = monthsAgo(2);
const lastPeriod = monthsAgo(3);
const now = new Date(period.getTime() + 14 * DAY_MS + 12 * 3_600_000);
const day = (start: Date, dayOfMonth: number) => new Date(start.getTime() + (dayOfMonth - 1) * DAY_MS + 3_600_000);

describe("loadDashboard", () => {
  let customer: Awaited<ReturnType<typeof makeCustomer>>;

  beforeAll(async () => {
    customer = await makeCustomer();
    const resolved = await makeDefinition();
    await makeContract(customer.id, {
      platformFee: "100",
      monthlyCap: "500",
      outcomePrices: [{ definitionKey: resolved.key, unitPrice: "1.25" }],
    });
    await sendAttempts(customer.externalId, resolved.key, day(lastPeriod, 2), 5, 3);
    // After the 15th of last month: not part of the same point of last month.
    await sendAttempts(customer.externalId, resolved.key, day(lastPeriod, 20), 7, 7);
    await sendAttempts(customer.externalId, resolved.key, day(period, 3), 4, 2);
    await sendAttempts(customer.externalId, resolved.key, day(period, 10), 6, 6);
  });

  it("shows month-to-date charges equal to the live draft invoice's total", async () => {
    const dashboard = await loadDashboard({ actor: testActor, customerId: customer.id, now });
    const draft = await computeInvoice(customer.id, period);
    expect(dashboard.billing?.totalMinor).toBe(draft.totalMinor);
    // $100 platform fee + 8 outcomes at $1.25.
    expect(draft.totalMinor).toBe(11_000n);
    expect(dashboard.billing).toMatchObject({
      capMinor: 50_000n,
      usageBeforeCapMinor: 1_000n,
      hybrid: true,
      fixedShare: "0.9090909091",
      costPerBillable: "13.75",
    });
  });

  it("compares with last month up to the same day of the month only", async () => {
    const { billing } = await loadDashboard({ actor: testActor, customerId: customer.id, now });
    expect(billing?.lastMonth).toMatchObject({
      from: lastPeriod,
      to: new Date(lastPeriod.getTime() + 15 * DAY_MS),
      attempts: 5,
      billable: 3,
      // $100 platform fee + 3 × $1.25, rated with last month's contract.
      totalMinor: 10_375n,
      changePercent: "6.0",
    });
  });

  it("computes the success rate without pending attempts in the denominator", async () => {
    const { usage, history } = await loadDashboard({ actor: testActor, customerId: customer.id, now });
    expect(usage).toEqual({ attempts: 10, billable: 8, pending: 0, successRate: "0.8" });
    expect(history).toHaveLength(6);
    expect(history.at(-1)).toMatchObject({ periodStart: period, source: "draft", successRate: "0.8" });
    expect(history.at(-2)).toMatchObject({ periodStart: lastPeriod, attempts: 12, billable: 10 });
    expect(history.at(-2)?.successRate).toBe("0.8333333333");

    // Right now: a definition decided at once, and attempts still in their 72-hour window.
    const current = await makeCustomer();
    const [instant, observed] = await Promise.all([makeDefinition({ windowHours: 0 }), makeDefinition()]);
    await makeContract(current.id);
    const realNow = clock.now();
    const at = new Date(Math.max(realNow.getTime() - 60_000, periodStartOf(realNow).getTime()));
    await sendAttempts(current.externalId, instant.key, at, 4, 3);
    await sendAttempts(current.externalId, observed.key, at, 5, 5);
    const live = await loadDashboard({ actor: testActor, customerId: current.id, now: realNow });
    expect(live.usage).toEqual({ attempts: 9, billable: 3, pending: 5, successRate: "0.75" });
  });

  it("forecasts a range rated with the contract, never below what is already charged", async () => {
    const { billing } = await loadDashboard({ actor: testActor, customerId: customer.id, now });
    const forecast = billing!.forecast;
    expect(forecast.low.totalMinor).toBeGreaterThanOrEqual(billing!.totalMinor);
    expect(forecast.low.totalMinor).toBeLessThanOrEqual(forecast.expected.totalMinor);
    expect(forecast.expected.totalMinor).toBeLessThanOrEqual(forecast.high.totalMinor);
    // Usage is capped at $500: the platform fee plus the cap is the most it can be.
    expect(forecast.high.totalMinor).toBeLessThanOrEqual(60_000n);
  });

  it("shows a customer without a contract their usage and no bill", async () => {
    const newcomer = await makeCustomer();
    const dashboard = await loadDashboard({ actor: testActor, customerId: newcomer.id, now });
    expect(dashboard.billing).toBeNull();
    expect(dashboard.usage).toEqual({ attempts: 0, billable: 0, pending: 0, successRate: null });
    expect(dashboard.history.every((p) => p.source === "none")).toBe(true);
  });

  it("gives a customer user their own company's dashboard whatever the request says", async () => {
    const other = await makeCustomer();
    const outsider = await makeUser("finance", other.id);
    const own = await callerFor(outsider, customer.id).dashboard.overview();
    expect(own.customer.id).toBe(other.id);
    await expect(loadDashboard({ actor: outsider, customerId: customer.id, now })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const admin = await makeUser("admin");
    expect((await callerFor(admin, customer.id).dashboard.overview()).customer.id).toBe(customer.id);
  });
});
