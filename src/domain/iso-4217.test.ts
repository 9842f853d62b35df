import { describe, expect, it } from "vitest";
import { ISO_4217_MINOR_UNITS, isIso4217Currency } from "./iso-4217";
import { currencyPrecision, formatMoney, lineAmount, toMajorUnits } from "./money";

describe("currencies by ISO 4217, not by the runtime's ICU", () => {
  it.each([
    ["IQD", 3],
    ["HUF", 2],
    ["CLF", 4],
    ["UYW", 4],
    ["JPY", 0],
    ["KWD", 3],
    ["USD", 2],
    ["BHD", 3],
    ["ISK", 0],
    ["XCG", 2],
  ])("gives %s %i minor units", (code, digits) => {
    expect(currencyPrecision(code)).toBe(digits);
  });

  it("holds every active code with numeric minor units, and only well-formed codes", () => {
    const codes = Object.keys(ISO_4217_MINOR_UNITS);
    expect(codes.length).toBeGreaterThanOrEqual(165);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z]{3}$/);
      expect([0, 2, 3, 4]).toContain(ISO_4217_MINOR_UNITS[code]);
      expect(isIso4217Currency(code)).toBe(true);
    }
    // Units of account without minor units are not billing currencies.
    for (const code of ["XAU", "XDR", "XTS", "XXX", "usd", "US", "HRK", "constructor", "toString"]) {
      expect(isIso4217Currency(code)).toBe(false);
    }
  });

  it("rates 0.125 IQD × 3 = 0.375 IQD (ICU's 0 digits would bill 0)", () => {
    expect(lineAmount(3, "0.125", "IQD")).toBe(375n);
    expect(toMajorUnits(375n, "IQD").toFixed()).toBe("0.375");
    expect(formatMoney(375n, "IQD")).toContain("0.375");
  });

  it("formats with the table's digits whatever Intl thinks", () => {
    expect(formatMoney(123_456n, "HUF")).toMatch(/1,234\.56/);
    expect(formatMoney(12_345n, "CLF")).toMatch(/1\.2345/);
    expect(formatMoney(1_234n, "JPY")).toMatch(/1,234$/);
  });

  it("refuses to rate a code outside the table", () => {
    expect(() => currencyPrecision("XAU")).toThrow(RangeError);
  });
});
