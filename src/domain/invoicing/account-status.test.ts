import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { amountDueMinor, canCompareWithLastMonth, finalizesAt, paymentDueAt } from "./account-status";

describe("what a customer owes and what is coming", () => {
  it("is due 30 days after finalization unless the terms say otherwise", () => {
    const finalized = new Date("2026-11-08T00:05:00Z");
    expect(paymentDueAt(finalized)).toEqual(new Date("2026-12-08T00:05:00Z"));
    expect(paymentDueAt(finalized, 15)).toEqual(new Date("2026-11-23T00:05:00Z"));
  });

  it("finalizes a draft when its grace days after the period are over", () => {
    expect(finalizesAt(new Date("2026-12-01T00:00:00Z"), 7)).toEqual(new Date("2026-12-08T00:00:00Z"));
  });

  it("owes the total less the credit notes, never less than nothing", () => {
    expect(amountDueMinor(12_345n, 297n)).toBe(12_048n);
    expect(amountDueMinor(100n, 100n)).toBe(0n);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (a, b) => {
        const [credit, total] = a <= b ? [a, b] : [b, a];
        expect(amountDueMinor(total, credit) + credit).toBe(total);
      }),
    );
  });

  it("compares with last month only once most of this month's attempts are decided", () => {
    expect(canCompareWithLastMonth({ attempts: 40, pending: 40 })).toBe(false);
    expect(canCompareWithLastMonth({ attempts: 0, pending: 0 })).toBe(false);
    expect(canCompareWithLastMonth({ attempts: 40, pending: 20 })).toBe(false);
    expect(canCompareWithLastMonth({ attempts: 400, pending: 120 })).toBe(true);
  });
});
