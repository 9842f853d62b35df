import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, sumMinor } from "../money";
import { splitByLargestRemainder } from "./credit-split";

const exact = (...amounts: string[]) => new Map(amounts.map((a, i) => [i, new Dec(a)]));

describe("splitting a rounded credit over the outcomes it came from", () => {
  it("gives each its exact amount rounded down and the missing cents to the largest fractions", () => {
    expect([...splitByLargestRemainder(248n, exact("49.5", "99", "99")).values()]).toEqual([50n, 99n, 99n]);
    expect([...splitByLargestRemainder(100n, exact("33.3333", "33.3333", "33.3334")).values()]).toEqual([
      33n,
      33n,
      34n,
    ]);
  });

  it("shares a total cut below the exact sum in proportion", () => {
    expect([...splitByLargestRemainder(70n, exact("99", "99")).values()]).toEqual([35n, 35n]);
  });

  it("always adds up, and never gives a part more than its exact amount rounded up", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 }), (thousandths) => {
        const parts = new Map(thousandths.map((t, i) => [i, new Dec(t).div(1000)]));
        const sum = [...parts.values()].reduce((s, p) => s.plus(p), new Dec(0));
        const total = BigInt(sum.toDecimalPlaces(0, Dec.ROUND_HALF_EVEN).toFixed(0));
        const split = splitByLargestRemainder(total, parts);
        expect(sumMinor([...split.values()])).toBe(total);
        for (const [k, p] of parts) expect(new Dec(split.get(k)!.toString()).lte(p.ceil())).toBe(true);
      }),
    );
  });
});
