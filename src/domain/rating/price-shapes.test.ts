import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, lineAmount, sumMinor } from "../money";
import type { ContractTerms, DefinitionUsage, OutcomePrice } from "./contract-terms";
import { lineAddsUp, ratePeriod } from "./rate-period";
import { outcomePrice } from "./test-prices";

const terms = (price: Omit<OutcomePrice, "definitionKey" | "unitPrice" | "tiers"> & Partial<OutcomePrice>) =>
  ({
    currency: "USD",
    platformFee: "0",
    attemptFees: [],
    outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "0.99", tiers: [], ...price }],
    monthlyCap: null,
    minimumCommitment: null,
  }) satisfies ContractTerms;

const usage = (billable: number | string): DefinitionUsage => ({
  definitionKey: "ticket_resolved",
  definitionName: "Ticket resolved",
  unitLabel: "resolved conversation",
  defaultUnitPrice: "0.99",
  attempts: 0,
  billable,
});

const lines = (t: ContractTerms, n: number | string) =>
  ratePeriod(t, [usage(n)]).lines.map((l) => [l.kind, l.description, l.quantity, l.unitPrice, l.amountMinor]);

const tiers = [
  { upTo: 1_000, unitPrice: "0.99" },
  { upTo: 5_000, unitPrice: "0.89" },
  { upTo: null, unitPrice: "0.79" },
];

describe("volume tiers", () => {
  it("price every outcome of the month at the tier its total reaches, on one line", () => {
    expect(lines(terms({ tiers, tierMode: "volume" }), 1_200)).toEqual([
      [
        "outcomes",
        "Ticket resolved: resolved conversations, all 1,200 at the price of 1,001 to 5,000 (volume)",
        "1200",
        "0.89",
        106_800n,
      ],
    ]);
  });

  it("name the free outcomes apart: the paid ones at the price all of them reach", () => {
    expect(lines(terms({ tiers, tierMode: "volume", freeUnits: 300 }), 1_200)).toEqual([
      ["outcomes", "Ticket resolved: resolved conversations 1 to 300, free", "300", "0", 0n],
      [
        "outcomes",
        "Ticket resolved: resolved conversations beyond the free ones, at the price of 1,001 to 5,000 that all 1,200 reach (volume)",
        "900",
        "0.89",
        80_100n,
      ],
    ]);
  });

  it("take the last tier's price above its lower bound, and can cost less for more outcomes", () => {
    const t = terms({ tiers, tierMode: "volume" });
    expect(ratePeriod(t, [usage(6_000)]).totalMinor).toBe(474_000n);
    expect(ratePeriod(t, [usage(1_001)]).totalMinor < ratePeriod(t, [usage(1_000)]).totalMinor).toBe(true);
  });
});

describe("flat fee per tier", () => {
  const flat = [
    { upTo: 100, unitPrice: "0.5", flatFee: "10" },
    { upTo: null, unitPrice: "0.4", flatFee: "20" },
  ];

  it("in graduated tiers, is charged once for each tier the month enters, as its own line", () => {
    expect(lines(terms({ tiers: flat }), 150)).toEqual([
      ["outcomes", "Ticket resolved: resolved conversations 1 to 100", "100", "0.5", 5_000n],
      [
        "tier_flat_fee",
        "Ticket resolved: resolved conversations 1 to 100: flat fee for entering the tier",
        "1",
        "10",
        1_000n,
      ],
      ["outcomes", "Ticket resolved: resolved conversations beyond 100", "50", "0.4", 2_000n],
      [
        "tier_flat_fee",
        "Ticket resolved: resolved conversations beyond 100: flat fee for entering the tier",
        "1",
        "20",
        2_000n,
      ],
    ]);
  });

  it("in volume tiers, is the reached tier's fee only", () => {
    expect(lines(terms({ tiers: flat, tierMode: "volume" }), 150).map((l) => l[4])).toEqual([6_000n, 2_000n]);
  });

  it("is not charged when no outcome enters the tier", () => {
    expect(lines(terms({ tiers: flat }), 0)).toEqual([]);
  });
});

describe("package pricing", () => {
  const pkg = (rounding: "up" | "down" | "prorated") => terms({ package: { size: 100, price: "5", rounding } });

  it("charges whole blocks, a partial block rounded up or down as the contract says", () => {
    expect(lines(pkg("up"), 250)).toEqual([
      [
        "outcomes",
        "Ticket resolved: resolved conversations: 3 blocks of 100 for 250, a partial block rounded up",
        "3",
        "5",
        1_500n,
      ],
    ]);
    expect(lines(pkg("down"), 250).map((l) => [l[2], l[4]])).toEqual([["2", 1_000n]]);
    expect(lines(pkg("down"), 99)).toEqual([]);
  });

  it("prorates a partial block at the block's price per outcome", () => {
    expect(lines(pkg("prorated"), 250)).toEqual([
      [
        "outcomes",
        "Ticket resolved: resolved conversations at 5 USD per block of 100, a partial block prorated",
        "250",
        "0.05",
        1_250n,
      ],
    ]);
  });
});

describe("free units and a price's own minimum and maximum", () => {
  it("bills the first N outcomes at 0 on their own line; tier bounds still count them", () => {
    expect(lines(terms({ freeUnits: 100 }), 250)).toEqual([
      ["outcomes", "Ticket resolved: resolved conversations 1 to 100, free", "100", "0", 0n],
      ["outcomes", "Ticket resolved: resolved conversations beyond the free ones", "150", "0.99", 14_850n],
    ]);
    expect(
      ratePeriod(terms({ tiers, freeUnits: 1_500 }), [usage(2_000)]).lines.map((l) => [l.quantity, l.tier]),
    ).toEqual([
      ["1500", { from: 1, to: 1_500 }],
      ["500", { from: 1_501, to: 5_000 }],
    ]);
  });

  it("brings the definition's outcome charges up to its minimum, even in a month without usage", () => {
    expect(lines(terms({ minimum: "50" }), 10).at(-1)).toEqual([
      "price_minimum",
      "Ticket resolved: outcome charges brought up to this price's minimum of 50.00 USD",
      null,
      null,
      4_010n,
    ]);
    expect(ratePeriod(terms({ minimum: "50" }), []).lines).toEqual([
      expect.objectContaining({ kind: "price_minimum", definitionKey: "ticket_resolved", amountMinor: 5_000n }),
    ]);
  });

  it("brings them down to its maximum, before the contract's cap counts them", () => {
    const t = {
      ...terms({ maximum: "100" }),
      monthlyCap: "150",
      attemptFees: [{ definitionKey: null, unitPrice: "1" }],
    };
    const rated = ratePeriod(t, [{ ...usage(1_000), attempts: 100 }]);
    expect(rated.lines.map((l) => [l.kind, l.amountMinor])).toEqual([
      ["attempts", 10_000n],
      ["outcomes", 99_000n],
      ["price_maximum", -89_000n],
      ["cap_adjustment", -5_000n],
    ]);
    expect(rated.totalMinor).toBe(15_000n);
  });
});

describe("every shape", () => {
  it("never charges a negative amount, every line reads true, and the total is the sum of its lines", () => {
    fc.assert(
      fc.property(outcomePrice(), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 3 }), (p, n, half) => {
        const t = terms(p);
        const rated = ratePeriod(t, [usage(new Dec(n).plus(new Dec(half).div(2)).toFixed())]);
        expect(rated.totalMinor >= 0n).toBe(true);
        expect(rated.totalMinor).toBe(sumMinor(rated.lines.map((l) => l.amountMinor)));
        for (const line of rated.lines) expect(lineAddsUp(line, t.currency)).toBe(true);
      }),
    );
  });

  it("never costs less for more outcomes, except volume tiers (a higher tier can be cheaper in all)", () => {
    fc.assert(
      fc.property(outcomePrice(), fc.integer({ min: 0, max: 200 }), (p, n) => {
        fc.pre(p.tierMode !== "volume" || p.package != null || p.tiers.length === 0);
        const t = terms(p);
        expect(ratePeriod(t, [usage(n + 1)]).totalMinor >= ratePeriod(t, [usage(n)]).totalMinor).toBe(true);
      }),
    );
  });

  it("rounds once per line: each priced line is its exact quantity × unit price rounded half-even", () => {
    const t = terms({ package: { size: 8, price: "0.1", rounding: "prorated" } });
    const [line] = ratePeriod(t, [usage(2)]).lines;
    expect([line!.unitPrice, line!.amountMinor]).toEqual(["0.0125", lineAmount("0.025", "1", "USD")]);
    expect(line!.amountMinor).toBe(2n);
  });
});
