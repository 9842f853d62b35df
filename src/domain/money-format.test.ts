import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toMajorUnits } from "./money";
import { formatMoney, minorToDecimalString } from "./money-format";

describe("minorToDecimalString", () => {
  it("writes minor units as the exact decimal the decimal library computes", () => {
    const currencies = ["JPY", "USD", "IQD", "CLF"] as const; // 0, 2, 3 and 4 minor digits
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.constantFrom(...currencies), (minor, cur) => {
        const digits = { JPY: 0, USD: 2, IQD: 3, CLF: 4 }[cur];
        expect(minorToDecimalString(minor, digits)).toBe(toMajorUnits(minor, cur).toFixed(digits));
      }),
    );
  });

  it("keeps the sign of amounts below one major unit", () => {
    expect(minorToDecimalString(-5n, 2)).toBe("-0.05");
    expect(minorToDecimalString(7n, 3)).toBe("0.007");
    expect(minorToDecimalString(0n, 2)).toBe("0.00");
  });

  it("formats with the currency's ISO digits", () => {
    expect(formatMoney(-297n, "USD")).toBe("-$2.97");
    expect(formatMoney(375n, "IQD")).toMatch(/^IQD\s0\.375$/); // ICU puts a no-break space there
    expect(formatMoney(1234567n, "JPY")).toBe("¥1,234,567");
  });
});
