import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, minMinor, sumMinor } from "../money";
import { ratePeriod } from "../rating/rate-period";
import { discount, outcomePrice } from "../rating/test-prices";
import { creditShareOf, remainingShare } from "./credit-shares";
import { shapedTerms, terms, tieredTerms, usage } from "./credit-test-terms";
import { type CreditClaim, creditLineMinor, explainCredit, priceCredits, roundMinor } from "./dispute-credit";

const claim = (id: string, share = "1", definitionKey = "ticket_resolved"): CreditClaim => ({
  id,
  definitionKey,
  share,
});
const none = new Map<string, string>();

describe("pricing dispute credits (rule 5)", () => {
  it("credits a full outcome at its price and half of one at half, each rounded once on the line", () => {
    const priced = priceCredits(terms(), [usage(100)], none, [claim("a"), claim("b", "0.5")]);
    // 100 × 0.99 = 99.00; 98.5 × 0.99 = 97.515 → 97.52 (half-even): 1.48 in all.
    expect(priced.totalMinor).toBe(148n);
    expect(priced.perClaim.get("a")).toBe(99n);
    expect(priced.perClaim.get("b")).toBe(49n);
    expect(priced.limitedBy).toBeNull();
  });

  it("is 0.00 when the period is above its cap, and says why", () => {
    const t = terms({ monthlyCap: "50" });
    const priced = priceCredits(t, [usage(100)], none, [claim("a")]);
    expect(priced.totalMinor).toBe(0n);
    expect(priced.listMinor).toBe(99n);
    expect(priced.limitedBy).toBe("cap");
    expect(explainCredit(priced, t)).toContain("monthly cap of $50.00");
  });

  it("is 0.00 under an unmet minimum commitment, and says why", () => {
    const t = terms({ minimumCommitment: "500" });
    const priced = priceCredits(t, [usage(100)], none, [claim("a"), claim("b")]);
    expect(priced.totalMinor).toBe(0n);
    expect(priced.limitedBy).toBe("minimum");
    expect(explainCredit(priced, t)).toContain("minimum commitment of $500.00");
  });

  it("prices against what earlier decisions already removed", () => {
    const tiers = [
      { upTo: 10, unitPrice: "2" },
      { upTo: null, unitPrice: "1" },
    ];
    const t = terms({ outcomePrices: [{ definitionKey: "ticket_resolved", unitPrice: "2", tiers }] });
    // 11 billable: the 11th is at 1.00; once one was credited, the next credit removes a 2.00 one.
    expect(priceCredits(t, [usage(11)], none, [claim("a")]).totalMinor).toBe(100n);
    expect(priceCredits(t, [usage(11)], new Map([["ticket_resolved", "1"]]), [claim("a")]).totalMinor).toBe(200n);
  });

  it("refuses to credit more of a definition than remains billable", () => {
    expect(() => priceCredits(terms(), [usage(1)], new Map([["ticket_resolved", "0.5"]]), [claim("a")])).toThrow();
    expect(() => priceCredits(terms(), [usage(1)], none, [claim("a", "1", "lead_qualified")])).toThrow();
  });

  it("credits a fully accepted 0.99 outcome 0.99 beside a 50 % partial one on the same line", () => {
    // The partial first: each later outcome still costs exactly 0.99 (no rounding between them).
    const priced = priceCredits(terms(), [usage(730)], none, [claim("half", "0.5"), claim("a"), claim("b")]);
    expect(priced.exactPerClaim.get("a")!.toFixed()).toBe("99");
    expect(priced.perClaim.get("a")).toBe(99n);
    expect(priced.perClaim.get("b")).toBe(99n);
    // 0.495 + 0.99 + 0.99 = 2.475 → 2.48 (half-even): the half-cent goes to the partial one.
    expect(priced.totalMinor).toBe(248n);
    expect(priced.perClaim.get("half")).toBe(50n);
    expect(creditLineMinor(terms(), [usage(730)], new Map([["ticket_resolved", "2.5"]]))).toBe(248n);
  });

  it("puts three 0.99 outcomes at 2.97", () => {
    const priced = priceCredits(terms(), [usage(100)], none, [claim("a"), claim("b"), claim("c")]);
    expect(priced.totalMinor).toBe(297n);
    expect([...priced.perClaim.values()]).toEqual([99n, 99n, 99n]);
  });

  it("adds up in every price shape: the exact credits rounded once are the line, never negative, never above list price", () => {
    const share = fc.constantFrom("1", "0.5", "0.25", "0.333333", "0.1", "0.125");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.option(fc.integer({ min: 1, max: 3_000 }), { nil: null }),
        fc.option(fc.integer({ min: 1, max: 3_000 }), { nil: null }),
        fc.array(share, { minLength: 1, maxLength: 30 }),
        // null: 0.99 then 0.79 graduated; else a price of any shape (volume, flat fees, packages…).
        fc.option(outcomePrice(), { nil: null, freq: 2 }),
        fc.array(discount(), { maxLength: 2 }),
        (billable, platformFee, cap, minimum, shares, shape, discounts) => {
          const t =
            shape === null
              ? { ...tieredTerms(platformFee, cap, minimum), discounts }
              : shapedTerms(shape, platformFee, cap, minimum, discounts);
          const claims = shares.slice(0, billable).map((s, i) => claim(String(i), s));
          const priced = priceCredits(t, [usage(billable)], none, claims);
          const exact = [...priced.exactPerClaim.values()].reduce((s, e) => s.plus(e), new Dec(0));
          const charged = ratePeriod(t, [usage(billable)]).totalMinor;
          const removed = new Map([
            ["ticket_resolved", claims.reduce((s, c) => s.plus(c.share), new Dec(0)).toFixed()],
          ]);
          expect(priced.totalMinor).toBe(minMinor(roundMinor(exact), charged));
          expect(priced.totalMinor).toBe(creditLineMinor(t, [usage(billable)], removed));
          expect(sumMinor([...priced.perClaim.values()])).toBe(priced.totalMinor);
          expect(priced.totalMinor >= 0n && priced.totalMinor <= priced.listMinor).toBe(true);
          for (const c of claims) {
            // The dearest price an outcome of the tiered line can have is its first tier's.
            if (shape === null) expect(priced.exactPerClaim.get(c.id)!.lte(new Dec(c.share).times(99))).toBe(true);
            expect(priced.exactPerClaim.get(c.id)!.gte(0)).toBe(true);
            expect(new Dec(priced.perClaim.get(c.id)!.toString()).lte(priced.exactPerClaim.get(c.id)!.ceil())).toBe(
              true,
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});

describe("pricing dispute credits under every outcome price shape", () => {
  it("credits an outcome of a volume-tiered month at the price the month was charged, never moving it to a dearer tier", () => {
    const t = shapedTerms(
      {
        definitionKey: "ticket_resolved",
        unitPrice: "0",
        tiers: [
          { upTo: 100, unitPrice: "1" },
          { upTo: null, unitPrice: "0.8" },
        ],
        tierMode: "volume",
      },
      0,
      null,
      null,
    );
    // 101 outcomes at 0.80 = 80.80; without one, 100 at 1.00 would be 100.00: the credit stays 0.80.
    expect(priceCredits(t, [usage(101)], none, [claim("a")]).totalMinor).toBe(80n);
  });

  it("is held by a price's own maximum, and says why", () => {
    const t = shapedTerms(
      { definitionKey: "ticket_resolved", unitPrice: "1", tiers: [], maximum: "50" },
      0,
      null,
      null,
    );
    const priced = priceCredits(t, [{ ...usage(100), attempts: 0 }], none, [claim("a")]);
    expect(priced.totalMinor).toBe(0n);
    expect(priced.limitedBy).toBe("price");
    expect(explainCredit(priced, t)).toContain("own monthly minimum or maximum");
  });
});

describe("shares", () => {
  it("accept credits what was disputed, reject nothing, partial the percentage of it", () => {
    expect(creditShareOf("1", "accept", null)).toBe("1");
    expect(creditShareOf("0.5", "reject", null)).toBe("0");
    expect(creditShareOf("1", "partial", "50")).toBe("0.5");
    expect(creditShareOf("0.5", "partial", "33.33")).toBe("0.16665");
    expect(() => creditShareOf("1", "partial", "100")).toThrow();
    expect(() => creditShareOf("1", "partial", "0")).toThrow();
  });

  it("what remains of an outcome after earlier credits", () => {
    expect(remainingShare([])).toBe("1");
    expect(remainingShare(["0.5", "0.25"])).toBe("0.25");
    expect(remainingShare(["1"])).toBe("0");
  });
});
