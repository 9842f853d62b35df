import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { loadDashboard } from "@/server/services/dashboard/load-dashboard";
import { setOutcomeValue } from "@/server/services/dashboard/set-outcome-value";
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

// A month two months back, seen from its 15th at noon: every observation window has closed.
const period = monthsAgo(2);
const now = new Date(period.getTime() + 14 * DAY_MS + 12 * 3_600_000);
const day = (dayOfMonth: number) => new Date(period.getTime() + (dayOfMonth - 1) * DAY_MS + 3_600_000);

const definitionIdOf = async (key: string) =>
  (await db().outcomeDefinition.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;

describe("value delivered", () => {
  let customer: Awaited<ReturnType<typeof makeCustomer>>;
  let resolvedId: string;
  let qualifiedId: string;

  beforeAll(async () => {
    customer = await makeCustomer();
    const [resolved, qualified] = await Promise.all([makeDefinition(), makeDefinition()]);
    [resolvedId, qualifiedId] = await Promise.all([definitionIdOf(resolved.key), definitionIdOf(qualified.key)]);
    await makeContract(customer.id, {
      platformFee: "100",
      outcomePrices: [
        { definitionKey: resolved.key, unitPrice: "1.25" },
        { definitionKey: qualified.key, unitPrice: "0" },
      ],
    });
    await sendAttempts(customer.externalId, resolved.key, day(3), 10, 8);
    await sendAttempts(customer.externalId, qualified.key, day(5), 4, 3);
  });

  it("values billable outcomes exactly and gives the ROI against the period's invoice total", async () => {
    const finance = await makeUser("finance", customer.id);
    const caller = callerFor(finance);
    await caller.dashboard.setOutcomeValue({ definitionId: resolvedId, valuePerOutcome: "20.125" });
    await caller.dashboard.setOutcomeValue({ definitionId: qualifiedId, valuePerOutcome: "0.333" });

    const { value, history } = await loadDashboard({ actor: finance, customerId: customer.id, now });
    expect(value.currency).toBe("USD");
    expect(value.settings.map((s) => [s.definitionId, s.valuePerOutcome, s.updatedBy])).toEqual(
      expect.arrayContaining([
        [resolvedId, "20.125", finance.label],
        [qualifiedId, "0.333", finance.label],
      ]),
    );
    const current = value.periods.at(-1)!;
    // 8 × 20.125 = 161.00 and 3 × 0.333 = 0.999 → 1.00, one rounding per definition like an invoice line.
    expect(current).toMatchObject({ periodStart: period, billable: 11, unvaluedBillable: 0, valueMinor: 16_200n });
    // $100 platform fee + 8 × $1.25, the same total the history shows.
    expect(current.chargedMinor).toBe(11_000n);
    expect(history.at(-1)?.totalMinor).toBe(11_000n);
    // (162.00 − 110.00) ÷ 110.00
    expect(current.roi).toBe("0.4727272727");
    expect(value.periods).toHaveLength(6);
    // An earlier period: only the platform fee was charged and nothing was delivered.
    expect(value.periods[0]).toMatchObject({ valueMinor: 0n, chargedMinor: 10_000n, roi: "-1" });
    // Six periods: 6 × $100 platform fee + $10.00 of outcomes charged, $162.00 delivered.
    expect(value.total).toMatchObject({ billable: 11, valueMinor: 16_200n, chargedMinor: 61_000n });
    expect(value.total.roi).toBe("-0.7344262295");
  });

  it("leaves the ROI out until a value is set, and counts outcomes without a value apart", async () => {
    const other = await makeCustomer();
    const definition = await makeDefinition();
    await makeContract(other.id, { platformFee: "50" });
    await sendAttempts(other.externalId, definition.key, day(2), 3, 3);
    const { value } = await loadDashboard({ actor: testActor, customerId: other.id, now });
    expect(value.settings).toEqual([expect.objectContaining({ key: definition.key, valuePerOutcome: null })]);
    expect(value.periods.at(-1)).toMatchObject({ billable: 3, unvaluedBillable: 3, valueMinor: 0n, roi: null });
  });

  it("lets only the company's finance users set a value", async () => {
    const input = { definitionId: resolvedId, valuePerOutcome: "99" };
    for (const role of ["viewer", "admin", "reviewer"] as const) {
      const user = await makeUser(role, role === "viewer" ? customer.id : null);
      await expect(callerFor(user, customer.id).dashboard.setOutcomeValue(input)).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }

    // Another company's finance user sets their own company's value, whatever they name.
    const otherCompany = await makeCustomer();
    const outsider = await makeUser("finance", otherCompany.id);
    await callerFor(outsider, customer.id).dashboard.setOutcomeValue(input);
    await expect(setOutcomeValue({ actor: outsider, customerId: customer.id, input })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const values = await db().outcomeValue.findMany({
      where: { definitionId: resolvedId, customerId: { in: [customer.id, otherCompany.id] } },
    });
    expect(values.find((v) => v.customerId === otherCompany.id)?.valuePerOutcome.toString()).toBe("99");
    expect(values.find((v) => v.customerId === customer.id)?.valuePerOutcome.toString()).not.toBe("99");
  });

  it("refuses a value that is not a non-negative decimal", async () => {
    const finance = await makeUser("finance", customer.id);
    for (const valuePerOutcome of ["-1", "8,00", "1.12345678901"]) {
      await expect(
        callerFor(finance).dashboard.setOutcomeValue({ definitionId: resolvedId, valuePerOutcome }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
  });

  it("writes an audit entry with the change, and none when the value stays the same", async () => {
    const company = await makeCustomer();
    const finance = await makeUser("finance", company.id);
    const input = { definitionId: qualifiedId, valuePerOutcome: "8.00" };
    expect(await setOutcomeValue({ actor: finance, customerId: company.id, input })).toMatchObject({ changed: true });
    await setOutcomeValue({ actor: finance, customerId: company.id, input: { ...input, valuePerOutcome: "8.5" } });
    expect(
      await setOutcomeValue({ actor: finance, customerId: company.id, input: { ...input, valuePerOutcome: "8.50" } }),
    ).toMatchObject({ changed: false });

    const entries = await db().auditEntry.findMany({
      where: { action: "outcome_value.set", customerId: company.id },
      orderBy: { seq: "asc" },
    });
    expect(entries.map((e) => [e.actorLabel, e.before, e.after])).toEqual([
      [finance.label, null, { definition: expect.any(String), valuePerOutcome: "8" }],
      [
        finance.label,
        { definition: expect.any(String), valuePerOutcome: "8" },
        { definition: expect.any(String), valuePerOutcome: "8.5" },
      ],
    ]);
  });
});
