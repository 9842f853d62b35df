import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditLineMinor, exactPeriodTotal } from "../disputes/dispute-credit";
import { Dec, sumMinor, toMinorUnits } from "../money";
import type { ContractTerms, DefinitionUsage } from "./contract-terms";
import { type ContractPart, partKey, periodTerms, proratedMinor } from "./proration";
import { lineAddsUp, ratePeriod } from "./rate-period";
import { decimalPrice, discount, outcomePrice } from "./test-prices";

// Several seeds, enough runs that an off-by-one day or a lost cent would show.
const SEEDS = [1, 7, 42, 2026, 31337];
const RUNS = 400;

const terms = (overrides: Partial<ContractTerms> = {}): ContractTerms => ({
  currency: "USD",
  platformFee: "0",
  attemptFees: [],
  outcomePrices: [],
  monthlyCap: null,
  minimumCommitment: null,
  ...overrides,
});

const usage = (key: string, billable: number, attempts = billable): DefinitionUsage => ({
  definitionKey: key,
  definitionName: "Ticket resolved",
  unitLabel: "resolved conversation",
  defaultUnitPrice: "0.99",
  attempts,
  billable,
});

const part = (version: number, fromDay: number, toDay: number, t: ContractTerms, monthDays = 31): ContractPart => ({
  version,
  fromDay,
  toDay,
  monthDays,
  monthName: "December",
  terms: t,
});

const monthDays = fc.constantFrom(28, 29, 30, 31);

describe("prorating a per-period amount by the day", () => {
  it("charges 17 of 31 days of a 500.00 fee as 274.19 and the other 14 days as 225.81", () => {
    expect(proratedMinor("500", 0, 14, 31, "USD")).toBe(22_581n);
    expect(proratedMinor("500", 14, 31, 31, "USD")).toBe(27_419n);
  });

  it("never lets the shares of one fee exceed it, and they add up to it exactly when the month is covered", () => {
    for (const seed of SEEDS) {
      fc.assert(
        fc.property(
          decimalPrice,
          monthDays,
          fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 5 }),
          fc.integer({ min: 0, max: 27 }),
          (fee, days, cuts, start) => {
            const bounds = [start, ...cuts.filter((c) => c > start && c < days).sort((a, b) => a - b), days];
            const shares = bounds.slice(1).map((to, i) => proratedMinor(fee, bounds[i]!, to, days, "USD"));
            const whole = toMinorUnits(fee, "USD");
            for (const share of shares) expect(share).toBeGreaterThanOrEqual(0n);
            expect(sumMinor(shares)).toBeLessThanOrEqual(whole);
            if (start === 0) expect(sumMinor(shares)).toBe(whole);
          },
        ),
        { seed, numRuns: RUNS },
      );
    }
  }, 60_000);
});

describe("rating a period two versions share", () => {
  it("lists each version's lines with its version and days, fee and minimum prorated", () => {
    const before = terms({ platformFee: "500", minimumCommitment: "1000" });
    const after = terms({
      platformFee: "620",
      outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "2.00", tiers: [] }],
    });
    const rated = ratePeriod(periodTerms([part(2, 0, 14, before), part(3, 14, 31, after)]), [
      usage(partKey("ticket_resolved", 2), 100),
      usage(partKey("ticket_resolved", 3), 50),
    ]);
    expect(rated.lines.map((l) => [l.kind, l.description, l.amountMinor])).toEqual([
      ["platform_fee", "Platform fee, 14 of 31 days (version 2)", 22_581n],
      ["outcomes", "Ticket resolved: resolved conversations (version 2, 1–14 December: 14 of 31 days)", 9_900n],
      [
        "minimum_true_up",
        "Minimum commitment true-up: platform fee and usage brought up to the minimum of 451.61 USD (version 2, 1–14 December: 14 of 31 days)",
        45_161n - 22_581n - 9_900n,
      ],
      ["platform_fee", "Platform fee, 17 of 31 days (version 3)", 34_000n],
      ["outcomes", "Ticket resolved: resolved conversations (version 3, 15–31 December: 17 of 31 days)", 10_000n],
    ]);
    expect(rated.totalMinor).toBe(sumMinor(rated.lines.map((l) => l.amountMinor)));
  });

  it("rates a month one version covers exactly as before proration existed", () => {
    fc.assert(
      fc.property(outcomePrice(), decimalPrice, fc.integer({ min: 0, max: 300 }), (price, fee, billable) => {
        const t = terms({ platformFee: fee, outcomePrices: [price] });
        expect(periodTerms([part(1, 0, 31, t)])).toBe(t);
        const u = [usage("ticket_resolved", billable)];
        expect(ratePeriod(periodTerms([part(1, 0, 31, t)]), u)).toEqual(ratePeriod(t, u));
      }),
      { numRuns: 50 },
    );
  });

  it("splitting a month between two equal versions at any day charges what one version would, never below zero", () => {
    // Additive over days: platform fee, attempt fees and flat outcome prices in whole cents.
    const cents = fc.integer({ min: 0, max: 100_000 }).map((n) => new Dec(n).div(100).toFixed());
    for (const seed of SEEDS) {
      fc.assert(
        fc.property(
          cents,
          cents,
          cents,
          monthDays,
          fc.integer({ min: 1, max: 27 }),
          fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 5 })), { maxLength: 60 }),
          (fee, attemptFee, unitPrice, days, cut, outcomes) => {
            const t = terms({
              platformFee: fee,
              attemptFees: [{ definitionKey: null, unitPrice: attemptFee }],
              outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice, tiers: [] }],
            });
            // Outcomes on days of the month, each priced by the version in force that day.
            const onDays = outcomes.filter(([day]) => day < days);
            const count = (from: number, to: number) =>
              onDays.filter(([day]) => day >= from && day < to).reduce((s, [, n]) => s + n, 0);
            const split = ratePeriod(periodTerms([part(1, 0, cut, t, days), part(2, cut, days, t, days)]), [
              usage(partKey("ticket_resolved", 1), count(0, cut)),
              usage(partKey("ticket_resolved", 2), count(cut, days)),
            ]);
            const whole = ratePeriod(t, [usage("ticket_resolved", count(0, days))]);
            expect(split.totalMinor).toBe(whole.totalMinor);
            expect(split.totalMinor).toBeGreaterThanOrEqual(0n);
            for (const l of split.lines) {
              expect(lineAddsUp(l, "USD")).toBe(true);
              expect(l.amountMinor).toBeGreaterThanOrEqual(0n);
            }
          },
        ),
        { seed, numRuns: RUNS },
      );
    }
  }, 60_000);

  it("never charges below zero, whatever each version's shape, and the total is the sum of its lines", () => {
    const version = fc.record({
      platformFee: decimalPrice,
      price: outcomePrice(),
      cap: fc.option(decimalPrice, { nil: null }),
      minimum: fc.option(decimalPrice, { nil: null }),
      discounts: fc.array(discount(), { maxLength: 2 }),
    });
    for (const seed of SEEDS) {
      fc.assert(
        fc.property(
          version,
          version,
          fc.integer({ min: 1, max: 29 }),
          fc.integer({ min: 0, max: 200 }),
          fc.integer({ min: 0, max: 200 }),
          (a, b, cut, first, second) => {
            const asTerms = (v: typeof a) =>
              terms({
                platformFee: v.platformFee,
                outcomePrices: [v.price],
                monthlyCap: v.cap,
                minimumCommitment: v.minimum,
                discounts: v.discounts,
              });
            const rated = ratePeriod(periodTerms([part(1, 0, cut, asTerms(a), 30), part(2, cut, 30, asTerms(b), 30)]), [
              usage(partKey("ticket_resolved", 1), first),
              usage(partKey("ticket_resolved", 2), second),
            ]);
            expect(rated.totalMinor).toBeGreaterThanOrEqual(0n);
            expect(rated.totalMinor).toBe(sumMinor(rated.lines.map((l) => l.amountMinor)));
            for (const l of rated.lines) expect(lineAddsUp(l, "USD")).toBe(true);
          },
        ),
        { seed, numRuns: RUNS / 2 },
      );
    }
  }, 60_000);
});

describe("dispute credits on a split period", () => {
  it("credits an outcome at the price of the version in force when it happened", () => {
    const t = periodTerms([
      part(2, 0, 14, terms({ outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "0.99", tiers: [] }] })),
      part(3, 14, 31, terms({ outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "0.79", tiers: [] }] })),
    ]);
    const u = [usage(partKey("ticket_resolved", 2), 10), usage(partKey("ticket_resolved", 3), 10)];
    expect(creditLineMinor(t, u, new Map([[partKey("ticket_resolved", 2), "1"]]))).toBe(99n);
    expect(creditLineMinor(t, u, new Map([[partKey("ticket_resolved", 3), "0.5"]]))).toBe(40n);
  });

  it("keeps the exact period total of a split period equal to its parts' and to what is charged before rounding", () => {
    for (const seed of SEEDS) {
      fc.assert(
        fc.property(
          outcomePrice(),
          outcomePrice(),
          decimalPrice,
          fc.integer({ min: 1, max: 30 }),
          fc.integer({ min: 0, max: 120 }),
          fc.integer({ min: 0, max: 120 }),
          (a, b, fee, cut, first, second) => {
            const ta = terms({ platformFee: fee, outcomePrices: [a] });
            const tb = terms({ platformFee: fee, outcomePrices: [b] });
            const split = periodTerms([part(1, 0, cut, ta), part(2, cut, 31, tb)]);
            const u = [usage(partKey("ticket_resolved", 1), first), usage(partKey("ticket_resolved", 2), second)];
            const exact = exactPeriodTotal(split, u);
            const rated = ratePeriod(split, u);
            expect(exact.chargedMinor).toBe(rated.totalMinor);
            // Each line rounds once, so the exact total is within half a cent per line of the charge.
            const slack = new Dec(rated.lines.length).div(2);
            expect(exact.exactMinor.minus(rated.totalMinor.toString()).abs().lte(slack)).toBe(true);
            // Crediting every outcome of both versions credits their whole usage, never more than charged.
            const all = new Map(u.map((x) => [x.definitionKey, String(x.billable)]));
            expect(creditLineMinor(split, u, all)).toBeLessThanOrEqual(rated.totalMinor);
            expect(creditLineMinor(split, u, all)).toBeGreaterThanOrEqual(0n);
          },
        ),
        { seed, numRuns: RUNS / 2 },
      );
    }
  }, 60_000);
});
