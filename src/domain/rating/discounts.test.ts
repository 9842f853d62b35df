import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sumMinor } from "../money";
import type { ContractTerms, DefinitionUsage } from "./contract-terms";
import { type Discount, discountActive, discountsInForce } from "./discounts";
import { lineAddsUp, ratePeriod } from "./rate-period";
import { discount as discountArb, outcomePrice } from "./test-prices";

const terms = (discounts: Discount[], overrides: Partial<ContractTerms> = {}): ContractTerms => ({
  currency: "USD",
  platformFee: "100",
  attemptFees: [{ definitionKey: null, unitPrice: "0.1" }],
  outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "0.99", tiers: [] }],
  monthlyCap: null,
  minimumCommitment: null,
  discounts,
  ...overrides,
});

const usage = (billable: number, key = "ticket_resolved"): DefinitionUsage => ({
  definitionKey: key,
  definitionName: "Ticket resolved",
  unitLabel: "resolved conversation",
  defaultUnitPrice: "0.99",
  attempts: billable,
  billable,
});

const d = (overrides: Partial<Discount>): Discount => ({
  label: "Launch discount",
  kind: "percent",
  value: "10",
  definitionKey: null,
  periods: null,
  until: null,
  ...overrides,
});

const rows = (t: ContractTerms, n: number) =>
  ratePeriod(t, [usage(n)]).lines.map((l) => [l.kind, l.description, l.quantity, l.unitPrice, l.amountMinor]);

describe("a discount on the invoice", () => {
  it("is its own line after the cap and the true-up, off platform fee and usage", () => {
    // 100 platform fee + 100 × 0.10 attempts + 100 × 0.99 outcomes = 209.00; 10% = 20.90.
    expect(rows(terms([d({})]), 100).at(-1)).toEqual([
      "invoice_discount",
      "Launch discount: 10% off the invoice",
      null,
      null,
      -2090n,
    ]);
    // The true-up brings 100 + 0 to 150; 10% off the 150.
    const t = terms([d({})], { minimumCommitment: "150" });
    expect(rows(t, 0).map((r) => [r[0], r[4]])).toEqual([
      ["platform_fee", 10000n],
      ["minimum_true_up", 5000n],
      ["invoice_discount", -1500n],
    ]);
  });

  it("rounds a percentage once, half-even", () => {
    // 3 outcomes + 3 attempts = 3.27 (platform fee 0); 50% = 1.635 → 1.64 (half-even: 163.5 → 164).
    const t = terms([d({ value: "50" })], { platformFee: "0" });
    expect(ratePeriod(t, [usage(3)]).lines.at(-1)?.amountMinor).toBe(-164n);
  });

  it("never takes the invoice below zero", () => {
    const t = terms([d({ kind: "fixed", value: "500", label: "Pilot credit" })]);
    const rated = ratePeriod(t, [usage(10)]);
    expect(rated.lines.at(-1)?.description).toBe("Pilot credit: 500.00 USD off the invoice");
    expect(rated.totalMinor).toBe(0n);
  });
});

describe("a discount on one definition", () => {
  it("comes after its price's maximum and before the cap, off outcome charges only", () => {
    const t = terms([d({ definitionKey: "ticket_resolved", kind: "fixed", value: "5" })], {
      platformFee: "0",
      outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "0.99", tiers: [], maximum: "50" }],
      monthlyCap: "40",
    });
    expect(rows(t, 100).map((r) => [r[0], r[1], r[4]])).toEqual([
      ["attempts", "Ticket resolved: attempts", 1000n],
      ["outcomes", "Ticket resolved: resolved conversations", 9900n],
      ["price_maximum", expect.any(String), -4900n],
      ["price_discount", "Launch discount: 5.00 USD off Ticket resolved outcome charges", -500n],
      ["cap_adjustment", expect.any(String), -1500n],
    ]);
  });

  it("leaves other definitions alone", () => {
    const t = terms([d({ definitionKey: "lead_qualified", value: "100" })]);
    expect(rows(t, 10).some((r) => r[0] === "price_discount")).toBe(false);
  });
});

describe("when a discount is in force", () => {
  const from = new Date("2026-01-01T00:00:00Z");
  const month = (m: number) => new Date(Date.UTC(2026, m, 1));

  it("counts billing periods from the version's first", () => {
    const three = d({ periods: 3 });
    expect([0, 1, 2, 3, 4].map((m) => discountActive(three, from, month(m)))).toEqual([true, true, true, false, false]);
  });

  it("applies to periods starting before its end date", () => {
    const until = d({ until: "2026-03-01" });
    expect([0, 1, 2, 3].map((m) => discountActive(until, from, month(m)))).toEqual([true, true, false, false]);
    expect(discountActive(d({ until: "2026-03-15" }), from, month(2))).toBe(true);
  });

  it("lasts as long as the version without a duration, and never before it", () => {
    expect(discountActive(d({}), from, month(40))).toBe(true);
    expect(discountActive(d({}), from, month(-1))).toBe(false);
    expect(discountsInForce(undefined, from, month(0))).toEqual([]);
  });

  it("is absent from the invoice of a period after it ends", () => {
    const t = terms(discountsInForce([d({ periods: 1 })], from, month(1)));
    expect(rows(t, 10).some((r) => r[0] === "invoice_discount")).toBe(false);
  });
});

describe("discount properties", () => {
  const generated = fc.record({
    price: outcomePrice(),
    discounts: fc.array(discountArb(["ticket_resolved", "lead_qualified"]), { maxLength: 3 }),
    platformFee: fc.integer({ min: 0, max: 300 }),
    cap: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
    minimum: fc.option(fc.integer({ min: 1, max: 300 }), { nil: null }),
    n: fc.integer({ min: 0, max: 200 }),
  });
  const termsFrom = (g: typeof generated extends fc.Arbitrary<infer G> ? G : never, discounts = g.discounts) =>
    terms(discounts, {
      platformFee: String(g.platformFee),
      outcomePrices: [g.price],
      monthlyCap: g.cap === null ? null : String(g.cap),
      minimumCommitment: g.minimum === null ? null : String(g.minimum),
    });

  it("never makes the invoice negative; the invoice is the sum of its lines, each reading true", () => {
    fc.assert(
      fc.property(generated, (g) => {
        const rated = ratePeriod(termsFrom(g), [usage(g.n)]);
        expect(rated.totalMinor >= 0n).toBe(true);
        expect(rated.totalMinor).toBe(sumMinor(rated.lines.map((l) => l.amountMinor)));
        for (const line of rated.lines) expect(lineAddsUp(line, "USD")).toBe(true);
      }),
    );
  });

  it("takes off at most what it applies to, and a percentage at most its share of it", () => {
    fc.assert(
      fc.property(generated, (g) => {
        const without = ratePeriod(termsFrom(g, []), [usage(g.n)]);
        const rated = ratePeriod(termsFrom(g), [usage(g.n)]);
        const off = without.totalMinor - rated.totalMinor;
        expect(off >= 0n).toBe(true);
        expect(off <= without.totalMinor).toBe(true);
        if (g.discounts.length === 1 && g.discounts[0]?.kind === "percent" && g.discounts[0].definitionKey === null) {
          const share = (without.totalMinor * BigInt(Math.round(Number(g.discounts[0].value) * 1000))) / 100_000n;
          expect(off <= share + 1n).toBe(true);
        }
        const outcomeCharges = sumMinor(
          rated.lines
            .filter((l) => ["outcomes", "tier_flat_fee", "price_minimum", "price_maximum"].includes(l.kind))
            .map((l) => l.amountMinor),
        );
        const perDefinition = sumMinor(
          rated.lines.filter((l) => l.kind === "price_discount").map((l) => l.amountMinor),
        );
        expect(-perDefinition <= outcomeCharges).toBe(true);
      }),
    );
  });
});
