import { describe, expect, it } from "vitest";
import { periodStartOf } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { evaluateSpendAlerts } from "@/server/services/alerts/evaluate-spend-alerts";
import { callerFor, makeContract, makeCustomer, makeUser } from "../support/fixtures";

const notificationsOf = (customerId: string) =>
  db().notification.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } });

describe("spend alerts", () => {
  it("notifies the finance users once per period when a threshold is crossed", async () => {
    const customer = await makeCustomer();
    // $100 platform fee: month-to-date charges are $100.00 from the first day.
    await makeContract(customer.id, { platformFee: "100", monthlyCap: "500" });
    const finance = await makeUser("finance", customer.id);
    const caller = callerFor(finance);
    await caller.dashboard.createAlert({ kind: "amount", threshold: "50" });
    await caller.dashboard.createAlert({ kind: "amount", threshold: "1000" });
    await caller.dashboard.createAlert({ kind: "cap_share", threshold: "80" });

    const now = clock.now();
    await evaluateSpendAlerts({ now });
    await evaluateSpendAlerts({ now });

    const notifications = await notificationsOf(customer.id);
    expect(notifications.map((n) => [n.kind, n.title, n.userId])).toEqual([
      ["spend_alert", "Spend this month reached $50.00", null],
    ]);
    const alerts = await caller.dashboard.alerts();
    expect(alerts.map((a) => [a.threshold, a.firedThisPeriodAt !== null])).toEqual([
      ["50", true],
      ["1000", false],
      ["80", false],
    ]);
    const firings = await db().spendAlertFiring.findMany({ where: { customerId: customer.id } });
    expect(firings).toEqual([expect.objectContaining({ periodStart: periodStartOf(now) })]);

    // The next period notifies again.
    const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 2));
    await evaluateSpendAlerts({ now: nextMonth });
    expect(await notificationsOf(customer.id)).toHaveLength(2);
  });

  it("shows the notification to the company's finance users until one reads it", async () => {
    const customer = await makeCustomer();
    await makeContract(customer.id, { platformFee: "100" });
    const [finance, colleague, viewer] = await Promise.all([
      makeUser("finance", customer.id),
      makeUser("finance", customer.id),
      makeUser("viewer", customer.id),
    ]);
    await callerFor(finance).dashboard.createAlert({ kind: "forecast_above", threshold: "99.99" });
    await evaluateSpendAlerts();

    expect(await callerFor(colleague).notifications.list()).toMatchObject({
      unread: 1,
      items: [{ link: "/dashboard" }],
    });
    expect(await callerFor(viewer).notifications.list()).toMatchObject({ unread: 0, items: [] });
    await callerFor(finance).notifications.markRead();
    expect((await callerFor(colleague).notifications.list()).unread).toBe(0);
  });

  it("lets only the company's finance users create and delete alerts", async () => {
    const customer = await makeCustomer();
    const finance = await makeUser("finance", customer.id);
    const { id } = await callerFor(finance).dashboard.createAlert({ kind: "amount", threshold: "10" });
    for (const role of ["viewer", "admin"] as const) {
      const user = await makeUser(role, role === "viewer" ? customer.id : null);
      await expect(callerFor(user, customer.id).dashboard.deleteAlert({ alertId: id })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    const outsider = await makeUser("finance", (await makeCustomer()).id);
    await expect(callerFor(outsider, customer.id).dashboard.deleteAlert({ alertId: id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      callerFor(finance).dashboard.createAlert({ kind: "cap_share", threshold: "150" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await callerFor(finance).dashboard.deleteAlert({ alertId: id });
    expect(await callerFor(finance).dashboard.alerts()).toEqual([]);
    const audit = await db().auditEntry.findMany({ where: { subjectId: id }, orderBy: { seq: "asc" } });
    expect(audit.map((e) => e.action)).toEqual(["spend_alert.created", "spend_alert.deleted"]);
  });
});
