import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMMITMENT_COUNTED_KINDS, commitmentStatus, countedMinor, termPeriods, trueUpMinor } from "./commitment";
import { INVOICE_LINE_KINDS } from "./contract-terms";

const SEEDS = [3, 11, 99, 2027];

describe("a commitment over several periods", () => {
  it("lists the term's periods from its start month, across a year end", () => {
    expect(termPeriods({ startMonth: "2026-11", months: 3 }).map((d) => d.toISOString().slice(0, 7))).toEqual([
      "2026-11",
      "2026-12",
      "2027-01",
    ]);
  });

  it("counts platform fee and usage after limits, discounts and the cap, not true-ups, invoice discounts, credits or late items", () => {
    expect(
      countedMinor([
        { kind: "platform_fee", amountMinor: 50_000n },
        { kind: "outcomes", amountMinor: 30_000n },
        { kind: "price_discount", amountMinor: -1_000n },
        { kind: "cap_adjustment", amountMinor: -4_000n },
        { kind: "minimum_true_up", amountMinor: 9_000n },
        { kind: "invoice_discount", amountMinor: -2_000n },
        { kind: "dispute_credit", amountMinor: -500n },
        { kind: "late_items", amountMinor: 700n },
      ]),
    ).toBe(75_000n);
  });

  it("trues up max(0, committed − consumed), and consumed is the sum of the counted lines of every invoice of the term", () => {
    const line = fc.record({
      kind: fc.constantFrom(...INVOICE_LINE_KINDS),
      amountMinor: fc.bigInt({ min: -100_000n, max: 1_000_000n }),
    });
    for (const seed of SEEDS) {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 0n, max: 100_000_000n }),
          fc.array(fc.array(line, { maxLength: 8 }), { minLength: 1, maxLength: 12 }),
          (committed, invoices) => {
            const consumed = invoices.map(countedMinor).reduce((s, c) => s + c, 0n);
            const expected = invoices
              .flat()
              .filter((l) => COMMITMENT_COUNTED_KINDS.has(l.kind))
              .reduce((s, l) => s + l.amountMinor, 0n);
            expect(consumed).toBe(expected);
            const trueUp = trueUpMinor(committed, consumed);
            expect(trueUp).toBe(committed > consumed ? committed - consumed : 0n);
            expect(trueUp).toBeGreaterThanOrEqual(0n);
            expect(consumed + trueUp).toBeGreaterThanOrEqual(committed);
          },
        ),
        { seed, numRuns: 500 },
      );
    }
  }, 60_000);

  it("shows what is consumed, remaining, the months left and the shortfall if the pace holds", () => {
    // 120,000.00 over 12 months; four finished months at 8,000.00 and half of the fifth at 4,000.00.
    const status = commitmentStatus({
      committedMinor: 12_000_000n,
      consumed: [800_000n, 800_000n, 800_000n, 800_000n, 400_000n],
      months: 12,
      currentIndex: 4,
      currentDays: { elapsed: 15, of: 30 },
    });
    expect(status).toEqual({
      committedMinor: 12_000_000n,
      consumedMinor: 3_600_000n,
      remainingMinor: 8_400_000n,
      monthsLeft: 7,
      // 8,000.00 a month for 12 months is 96,000.00: 24,000.00 short.
      projectedShortfallMinor: 2_400_000n,
    });
  });

  it("projects no shortfall once the pace covers the commitment, and the true-up itself once the term is over", () => {
    for (const seed of SEEDS) {
      fc.assert(
        fc.property(
          fc.bigInt({ min: 0n, max: 10_000_000n }),
          fc.array(fc.bigInt({ min: 0n, max: 2_000_000n }), { minLength: 1, maxLength: 12 }),
          (committed, consumed) => {
            const over = commitmentStatus({
              committedMinor: committed,
              consumed,
              months: consumed.length,
              currentIndex: consumed.length,
              currentDays: { elapsed: 30, of: 30 },
            });
            expect(over.projectedShortfallMinor).toBe(over.remainingMinor);
            expect(over.monthsLeft).toBe(0);
            const during = commitmentStatus({
              committedMinor: committed,
              consumed,
              months: 12,
              currentIndex: consumed.length - 1,
              currentDays: { elapsed: 30, of: 30 },
            });
            expect(during.projectedShortfallMinor).toBeLessThanOrEqual(during.remainingMinor);
            expect(during.projectedShortfallMinor).toBeGreaterThanOrEqual(0n);
          },
        ),
        { seed, numRuns: 300 },
      );
    }
  }, 60_000);
});
