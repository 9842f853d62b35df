import { describe, expect, it } from "vitest";
import { canCompareWithLastMonth } from "./account-status";

describe("what a customer owes and what is coming", () => {
  it("compares with last month only once most of this month's attempts are decided", () => {
    expect(canCompareWithLastMonth({ attempts: 40, pending: 40 })).toBe(false);
    expect(canCompareWithLastMonth({ attempts: 0, pending: 0 })).toBe(false);
    expect(canCompareWithLastMonth({ attempts: 40, pending: 20 })).toBe(false);
    expect(canCompareWithLastMonth({ attempts: 400, pending: 120 })).toBe(true);
  });
});
