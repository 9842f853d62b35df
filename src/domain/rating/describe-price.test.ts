import { describe, expect, it } from "vitest";
import { describeOutcomePrice, priceRules, tierRanges } from "./describe-price";

const usd = (amount: string) => `${amount} USD`;

describe("an outcome price in words", () => {
  it("reads tiers as ranges with their flat fees, and says how volume tiers apply", () => {
    const price = {
      definitionKey: "ticket_resolved",
      unitPrice: "0.99",
      tiers: [
        { upTo: 1_000, unitPrice: "0.99" },
        { upTo: null, unitPrice: "0.79", flatFee: "50" },
      ],
      tierMode: "volume" as const,
    };
    expect(tierRanges(price.tiers).map((r) => r.range)).toEqual(["1 to 1,000", "1,001 and above"]);
    expect(describeOutcomePrice(price, usd)).toBe(
      "0.99 USD for 1 to 1,000, 0.79 USD + 50 USD flat for 1,001 and above Volume tiers: every outcome of the month at the price of the tier the month's total reaches. The reached tier's flat fee is charged once a month.",
    );
  });

  it("says what a package does with a partial block, and names free outcomes, the minimum and the maximum", () => {
    const price = {
      definitionKey: "lead_qualified",
      unitPrice: "0",
      tiers: [],
      package: { size: 100, price: "150", rounding: "down" as const },
      freeUnits: 1_000,
      minimum: "300",
      maximum: "3000",
    };
    expect(priceRules(price, usd)).toEqual([
      "150 USD per block of 100 outcomes; a partial block is not charged.",
      "The first 1,000 outcomes of each month are free (tier bounds still count them).",
      "At least 300 USD a month for these outcomes, used or not.",
      "At most 3000 USD a month for these outcomes.",
    ]);
  });

  it("is just the price for a plain flat price", () => {
    expect(describeOutcomePrice({ definitionKey: "x", unitPrice: "0.99", tiers: [] }, usd)).toBe("0.99 USD");
  });
});
