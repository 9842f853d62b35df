import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, lineAmount, sumMinor, toMinorUnits } from "../money";
import { type ContractTerms, type DefinitionUsage, type Tier, USAGE_KINDS } from "./contract-terms";
import { lineAddsUp, ratePeriod } from "./rate-period";
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

const usage = (
  billable: number | string,
  attempts: number | string = billable,
  key = "ticket_resolved",
): DefinitionUsage => ({
  definitionKey: key,
  definitionName: "Ticket resolved",
  unitLabel: "resolved conversation",
  defaultUnitPrice: "0.99",
  attempts,
  billable,
});

const tiered = [
  { upTo: 1_000, unitPrice: "0.99" },
  { upTo: 5_000, unitPrice: "0.89" },
  { upTo: null, unitPrice: "0.79" },
];

describe("rating a period", () => {
  it("prices pure outcomes at the definition's price when the contract names none ($0.99 per resolution)", () => {
    const rated = ratePeriod(terms(), [usage(1_234)]);
    expect(rated.lines).toHaveLength(1);
    expect(rated.totalMinor).toBe(122_166n);
  });

  it("adds a platform fee to per-outcome charges ($500/month + $2.00 per resolved ticket)", () => {
    const rated = ratePeriod(
      terms({
        platformFee: "500",
        outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "2.00", tiers: [] }],
      }),
      [usage(321, 400)],
    );
    expect(rated.lines.map((l) => [l.kind, l.amountMinor])).toEqual([
      ["platform_fee", 50_000n],
      ["outcomes", 64_200n],
    ]);
    expect(rated.totalMinor).toBe(114_200n);
  });

  it("charges per attempt plus per success ($0.10 + $1.50)", () => {
    const rated = ratePeriod(
      terms({
        attemptFees: [{ definitionKey: null, unitPrice: "0.10" }],
        outcomePrices: [{ definitionKey: "lead_qualified", unitPrice: "1.50", tiers: [] }],
      }),
      [usage(37, 415, "lead_qualified")],
    );
    expect(rated.lines.map((l) => l.amountMinor)).toEqual([4_150n, 5_550n]);
    expect(rated.totalMinor).toBe(9_700n);
  });

  it("bills each reached tier on its own line", () => {
    const rated = ratePeriod(
      terms({ outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "0", tiers: tiered }] }),
      [usage(6_000)],
    );
    expect(rated.lines.map((l) => [l.quantity, l.unitPrice, l.amountMinor])).toEqual([
      ["1000", "0.99", 99_000n],
      ["4000", "0.89", 356_000n],
      ["1000", "0.79", 79_000n],
    ]);
    expect(rated.lines[1]?.description).toContain("1,001 to 5,000");
  });

  it("brings usage down to the cap with an adjustment line, leaving the platform fee alone", () => {
    const rated = ratePeriod(terms({ platformFee: "100", monthlyCap: "500" }), [usage(1_000)]);
    expect(rated.lines.at(-1)).toEqual({
      kind: "cap_adjustment",
      definitionKey: null,
      description: "Monthly cap on usage charges: usage brought down to the cap of 500.00 USD",
      quantity: null,
      unitPrice: null,
      amountMinor: 50_000n - 99_000n,
      tier: null,
    });
    expect(rated.totalMinor).toBe(60_000n);
  });

  it("tops up to the minimum commitment with a true-up line", () => {
    const rated = ratePeriod(terms({ platformFee: "100", minimumCommitment: "250" }), [usage(10)]);
    expect(rated.lines.at(-1)).toMatchObject({
      kind: "minimum_true_up",
      description: "Minimum commitment true-up: platform fee and usage brought up to the minimum of 250.00 USD",
      quantity: null,
      unitPrice: null,
      amountMinor: 25_000n - 10_000n - 990n,
    });
    expect(rated.totalMinor).toBe(25_000n);
  });

  it("rounds each line once, half-even, to the currency's own precision", () => {
    const half = (currency: string, price: string) =>
      ratePeriod(
        terms({ currency, outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: price, tiers: [] }] }),
        [usage(1)],
      ).totalMinor;
    expect(half("USD", "0.125")).toBe(12n);
    expect(half("USD", "0.135")).toBe(14n);
    expect(half("JPY", "2.5")).toBe(2n);
    expect(half("BHD", "0.0005")).toBe(0n);
    expect(half("BHD", "0.0015")).toBe(2n);
  });
});

const price = fc.integer({ min: 0, max: 100_000 }).map((n) => new Dec(n).dividedBy(1_000).toFixed());
const count = fc.integer({ min: 0, max: 20_000 });
const arbitraryTerms = fc.record({
  currency: fc.constantFrom("USD", "JPY", "BHD", "EUR", "IQD", "CLF", "HUF"),
  platformFee: price,
  attemptFees: fc.array(fc.record({ definitionKey: fc.constantFrom(null, "a", "b"), unitPrice: price }), {
    maxLength: 2,
  }),
  outcomePrices: fc.array(
    fc.oneof(
      fc.constantFrom("a", "b", "c").chain((key) => outcomePrice(key)),
      fc.record({
        definitionKey: fc.constantFrom("a", "b", "c"),
        unitPrice: price,
        tiers: fc.oneof(
          fc.constant<Tier[]>([]),
          fc
            .tuple(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 5_000 }), price, price, price)
            .map(([x, y, p1, p2, p3]) => [
              { upTo: x, unitPrice: p1 },
              { upTo: x + y, unitPrice: p2 },
              { upTo: null, unitPrice: p3 },
            ]),
        ),
      }),
    ),
    { maxLength: 3 },
  ),
  monthlyCap: fc.option(price.map((p) => new Dec(p).times(100).toFixed())),
  minimumCommitment: fc.option(price.map((p) => new Dec(p).times(100).toFixed())),
});
const arbitraryUsage = fc
  .uniqueArray(
    fc.record({ key: fc.constantFrom("a", "b", "c"), attempts: count, share: fc.integer({ min: 0, max: 100 }) }),
    { selector: (u) => u.key },
  )
  .map((list) => list.map((u) => ({ ...usage(Math.floor((u.attempts * u.share) / 100), u.attempts, u.key) })));

describe("rating properties", () => {
  it("the total is the sum of the lines", () => {
    fc.assert(
      fc.property(arbitraryTerms as fc.Arbitrary<ContractTerms>, arbitraryUsage, (t, u) => {
        const rated = ratePeriod(t, u);
        expect(rated.totalMinor).toBe(sumMinor(rated.lines.map((l) => l.amountMinor)));
      }),
    );
  });

  it("every line reads true: quantity × unit price = amount, or an adjustment without either", () => {
    fc.assert(
      fc.property(arbitraryTerms as fc.Arbitrary<ContractTerms>, arbitraryUsage, (t, u) => {
        for (const line of ratePeriod(t, u).lines) {
          expect(
            lineAddsUp(line, t.currency),
            JSON.stringify(line, (_, v) => (typeof v === "bigint" ? `${v}` : v)),
          ).toBe(true);
        }
      }),
    );
  });

  it("the order in which usage arrives does not change the invoice", () => {
    fc.assert(
      fc.property(arbitraryTerms as fc.Arbitrary<ContractTerms>, arbitraryUsage, (t, u) => {
        expect(ratePeriod(t, [...u].reverse())).toEqual(ratePeriod(t, u));
      }),
    );
  });

  it("counting outcomes one batch at a time gives the same invoice as counting them all at once", () => {
    fc.assert(
      fc.property(
        arbitraryTerms,
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 20 }),
        (t, batches) => {
          let running = 0;
          for (const b of batches) running += b;
          const incremental = batches.reduce((sum, b) => sum + b, 0);
          expect(ratePeriod(t, [usage(incremental, incremental, "a")])).toEqual(
            ratePeriod(t, [usage(running, running, "a")]),
          );
        },
      ),
    );
  });

  it("tiers are continuous at their bounds: the tier lines always add up and never skip an outcome", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3_000 }), fc.integer({ min: 1, max: 3_000 }), count, (x, y, n) => {
        const tiers = [
          { upTo: x, unitPrice: "3" },
          { upTo: x + y, unitPrice: "2" },
          { upTo: null, unitPrice: "1" },
        ];
        const rate = (q: number) =>
          ratePeriod(terms({ outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "0", tiers }] }), [
            usage(q, 0),
          ]).lines;
        const parts = rate(n);
        expect(parts.reduce((s, p) => s.plus(p.quantity!), new Dec(0)).toNumber()).toBe(n);
        parts.forEach((p, i) => {
          if (i > 0) expect(p.tier!.from).toBe((parts[i - 1]!.tier!.to ?? 0) + 1);
        });
        // one more outcome costs exactly the price of the tier it falls in
        const exact = (q: number) =>
          rate(q).reduce((s, p) => s.plus(new Dec(p.quantity!).times(p.unitPrice!)), new Dec(0));
        const marginal = exact(n + 1)
          .minus(exact(n))
          .toNumber();
        expect(marginal).toBe(n < x ? 3 : n < x + y ? 2 : 1);
      }),
    );
  });

  it("a cap never lets usage charges exceed it", () => {
    fc.assert(
      fc.property(arbitraryTerms as fc.Arbitrary<ContractTerms>, arbitraryUsage, (t, u) => {
        fc.pre(t.monthlyCap !== null);
        const rated = ratePeriod(t, u);
        const usageAfterCap = sumMinor(
          rated.lines.filter((l) => USAGE_KINDS.has(l.kind) || l.kind === "cap_adjustment").map((l) => l.amountMinor),
        );
        expect(usageAfterCap <= toMinorUnits(t.monthlyCap!, t.currency)).toBe(true);
      }),
    );
  });

  it("removing one outcome never credits more than its highest price (plus the one rounding) and never a negative amount", () => {
    fc.assert(
      fc.property(arbitraryTerms as fc.Arbitrary<ContractTerms>, arbitraryUsage, (t, u) => {
        fc.pre(u.length > 0 && Number(u[0]!.billable) > 0);
        // Only where one more outcome costs at most its price: volume tiers can lower the total
        // (price-shapes.test.ts), flat fees and packages charge more than one outcome's price.
        fc.pre(t.outcomePrices.every((p) => !p.package && p.tierMode !== "volume" && p.tiers.every((x) => !x.flatFee)));
        const before = ratePeriod(t, u).totalMinor;
        const without = u.map((d, i) => (i === 0 ? { ...d, billable: Number(d.billable) - 1 } : d));
        const credit = before - ratePeriod(t, without).totalMinor;
        const prices = [
          u[0]!.defaultUnitPrice,
          ...t.outcomePrices
            .filter((p) => p.definitionKey === u[0]!.definitionKey)
            .flatMap((p) => [p.unitPrice, ...(p.tiers as Tier[]).map((x) => x.unitPrice)]),
        ];
        const highest = prices.reduce((m, p) => Dec.max(m, p), new Dec(0));
        expect(credit >= 0n).toBe(true);
        expect(credit <= lineAmount(1, highest, t.currency) + 1n).toBe(true);
      }),
    );
  });
});
