import { describe, expect, it } from "vitest";
import { describeDiscount, discountDuration } from "./describe-discount";
import type { Discount } from "./discounts";

const money = (amount: string) => `${amount} USD`;
const base: Discount = {
  label: "Launch discount",
  kind: "percent",
  value: "10",
  definitionKey: null,
  periods: 3,
  until: null,
};

describe("a discount in words", () => {
  it("names the amount, what it applies to and how long", () => {
    expect(describeDiscount(base, money)).toBe(
      "Launch discount: 10% off the whole invoice (after the cap and the minimum true-up), for the first 3 billing periods; never below zero.",
    );
    expect(
      describeDiscount(
        { ...base, label: "Pilot credit", kind: "fixed", value: "25", definitionKey: "ticket_resolved", periods: null },
        money,
        { ticket_resolved: "Ticket resolved" },
      ),
    ).toBe(
      "Pilot credit: 25 USD off Ticket resolved outcome charges (before the cap), while this version is in force; never below zero.",
    );
  });

  it("reads each duration", () => {
    expect(discountDuration({ periods: 1, until: null })).toBe("for the first billing period");
    expect(discountDuration({ periods: null, until: "2027-01-01" })).toBe("for periods starting before 2027-01-01");
  });
});
