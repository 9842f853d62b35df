import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../money";
import type { ContractTerms, Tier } from "./contract-terms";
import { adjustmentEffect, attemptFeeFor, outcomePriceAt } from "./outcome-charge";
import { ratePeriod } from "./rate-period";
import { outcomePrice } from "./test-prices";

const terms = (overrides: Partial<ContractTerms> = {}): ContractTerms => ({
  currency: "USD",
  platformFee: "0",
  attemptFees: [],
  outcomePrices: [],
  monthlyCap: null,
  minimumCommitment: null,
  ...overrides,
});
const definition = { definitionKey: "ticket_resolved", defaultUnitPrice: "0.99" };
const usage = (billable: number, attempts = billable) => ({
  ...definition,
  definitionName: "Ticket resolved",
  unitLabel: "resolved conversation",
  attempts,
  billable,
});
const graduated: Tier[] = [
  { upTo: 1_000, unitPrice: "0.99" },
  { upTo: 5_000, unitPrice: "0.89" },
  { upTo: null, unitPrice: "0.79" },
];

describe("the price of one outcome", () => {
  it("is the definition's price when the contract names none, flat (no tier)", () => {
    expect(outcomePriceAt(terms(), definition, 412, 730)).toEqual({ unitPrice: "0.99", tier: null });
  });

  it("is the price of the graduated tier its rank in the month falls in", () => {
    const t = terms({ outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "0", tiers: graduated }] });
    expect(outcomePriceAt(t, definition, 1, 6_000)).toEqual({ unitPrice: "0.99", tier: 1 });
    expect(outcomePriceAt(t, definition, 1_000, 6_000)).toEqual({ unitPrice: "0.99", tier: 1 });
    expect(outcomePriceAt(t, definition, 1_001, 6_000)).toEqual({ unitPrice: "0.89", tier: 2 });
    expect(outcomePriceAt(t, definition, 5_001, 6_000)).toEqual({ unitPrice: "0.79", tier: 3 });
  });

  it("in volume tiers is the price of the tier the month's total reaches, for every outcome", () => {
    const t = terms({
      outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "0", tiers: graduated, tierMode: "volume" }],
    });
    expect(outcomePriceAt(t, definition, 1, 1_000)).toEqual({ unitPrice: "0.99", tier: 1 });
    expect(outcomePriceAt(t, definition, 1, 1_001)).toEqual({ unitPrice: "0.89", tier: 2 });
    expect(outcomePriceAt(t, definition, 412, 6_000)).toEqual({ unitPrice: "0.79", tier: 3 });
  });

  it("is 0 for free units, and a block's price on the outcome that opens (up) or completes (down) it", () => {
    const pkg = (rounding: "up" | "down" | "prorated") =>
      terms({
        outcomePrices: [
          {
            definitionKey: "ticket_resolved",
            unitPrice: "0",
            tiers: [],
            freeUnits: 2,
            package: { size: 10, price: "5", rounding },
          },
        ],
      });
    expect(outcomePriceAt(pkg("up"), definition, 2, 30)).toEqual({ unitPrice: "0", tier: null });
    expect(outcomePriceAt(pkg("up"), definition, 3, 30)).toEqual({ unitPrice: "5", tier: null });
    expect(outcomePriceAt(pkg("up"), definition, 4, 30)).toEqual({ unitPrice: "0", tier: null });
    expect(outcomePriceAt(pkg("down"), definition, 12, 30)).toEqual({ unitPrice: "5", tier: null });
    expect(outcomePriceAt(pkg("prorated"), definition, 4, 30)).toEqual({ unitPrice: "0.5", tier: null });
  });

  it("adds up over outcomes 1…N to exactly the outcome lines' quantity × unit price, in every shape", () => {
    fc.assert(
      fc.property(outcomePrice(), fc.integer({ min: 0, max: 120 }), (price, n) => {
        const t = terms({ outcomePrices: [price] });
        let sum = new Dec(0);
        for (let rank = 1; rank <= n; rank++) sum = sum.plus(outcomePriceAt(t, definition, rank, n).unitPrice);
        const lines = ratePeriod(t, [usage(n)]).lines.filter((l) => l.kind === "outcomes");
        const exact = lines.reduce((s, l) => s.plus(new Dec(l.quantity!).times(l.unitPrice!)), new Dec(0));
        expect(sum.toFixed()).toBe(exact.toFixed());
      }),
    );
  });

  it("names the per-attempt fee, the definition's own before the contract's general one", () => {
    const t = terms({
      attemptFees: [
        { definitionKey: null, unitPrice: "0.10" },
        { definitionKey: "ticket_resolved", unitPrice: "0.05" },
      ],
    });
    expect(attemptFeeFor(t, "ticket_resolved")).toBe("0.05");
    expect(attemptFeeFor(t, "lead_qualified")).toBe("0.1");
    expect(attemptFeeFor(terms(), "ticket_resolved")).toBeNull();
  });

  it("says in words what a reached cap or an unmet minimum did", () => {
    const capped = terms({ monthlyCap: "500" });
    expect(adjustmentEffect(ratePeriod(capped, [usage(1_000)]), capped)).toBe(
      "The monthly cap of 500.00 USD brought this month's usage charges of 990.00 USD down by 490.00 USD: the outcomes beyond the cap add nothing to the bill.",
    );
    const minimum = terms({ minimumCommitment: "250" });
    expect(adjustmentEffect(ratePeriod(minimum, [usage(10)]), minimum)).toMatch(
      /^The month did not reach the minimum commitment: a true-up of 240\.10 USD/,
    );
    expect(adjustmentEffect(ratePeriod(terms(), [usage(10)]), terms())).toBeNull();
  });

  it("says what the price's own flat fee, maximum, minimum and the discounts did, for that definition only", () => {
    const priced = (extra: Record<string, unknown>) =>
      terms({ outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "0.99", tiers: [], ...extra }] });
    const capped = priced({ maximum: "500" });
    expect(adjustmentEffect(ratePeriod(capped, [usage(1_000)]), capped, "ticket_resolved")).toBe(
      "This outcome's maximum of 500.00 USD a month brought its charges of 990.00 USD down by 490.00 USD: the outcomes beyond it add nothing to the bill.",
    );
    expect(adjustmentEffect(ratePeriod(capped, [usage(1_000)]), capped, "lead_qualified")).toBeNull();
    const floored = priced({ minimum: "100" });
    expect(adjustmentEffect(ratePeriod(floored, [usage(10)]), floored, "ticket_resolved")).toBe(
      "This outcome's charges of 9.90 USD fell short of its minimum of 100.00 USD a month: 90.10 USD more is charged on its own line.",
    );
    const flat = priced({
      tiers: [
        { upTo: 5, unitPrice: "0.99" },
        { upTo: null, unitPrice: "0.89", flatFee: "25" },
      ],
    });
    expect(adjustmentEffect(ratePeriod(flat, [usage(10)]), flat, "ticket_resolved")).toBe(
      "Tier flat fees of 25.00 USD are charged once on their own line, not in each outcome's price.",
    );
    const discounted = {
      ...priced({}),
      discounts: [
        {
          label: "Launch",
          kind: "percent" as const,
          value: "10",
          definitionKey: "ticket_resolved",
          periods: null,
          until: null,
        },
        { label: "Loyalty", kind: "fixed" as const, value: "1", definitionKey: null, periods: null, until: null },
      ],
    };
    const effect = adjustmentEffect(ratePeriod(discounted, [usage(10)]), discounted, "ticket_resolved");
    expect(effect).toBe(
      "Launch: 10% off Ticket resolved outcome charges (0.99 USD this month), taken after each outcome's price. Loyalty: 1.00 USD off the invoice (1.00 USD this month), taken after the outcome prices.",
    );
  });
});
