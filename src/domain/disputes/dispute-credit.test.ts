import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, sumMinor } from "../money";
import type { ContractTerms, DefinitionUsage } from "../rating/contract-terms";
import { ratePeriod } from "../rating/rate-period";
import { type CreditClaim, explainCredit, priceCredits } from "./dispute-credit";
import { creditShareOf, remainingShare } from "./dispute-terms";

const terms = (overrides: Partial<ContractTerms> = {}): ContractTerms => ({
  currency: "USD",
  platformFee: "0",
  attemptFees: [],
  outcomePrices: [],
  monthlyCap: null,
  minimumCommitment: null,
  ...overrides,
});

const usage = (billable: number, key = "ticket_resolved"): DefinitionUsage => ({
  definitionKey: key,
  definitionName: key,
  unitLabel: "outcome",
  defaultUnitPrice: "0.99",
  attempts: billable,
  billable,
});

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

  it("always equals charged minus recomputed, never negative, never above the bill, and the claims add up", () => {
    const share = fc.constantFrom("1", "0.5", "0.25", "0.333333", "0.1");
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_000 }),
        fc.integer({ min: 0, max: 500 }),
        fc.option(fc.integer({ min: 1, max: 3_000 }), { nil: null }),
        fc.option(fc.integer({ min: 1, max: 3_000 }), { nil: null }),
        fc.array(share, { minLength: 1, maxLength: 30 }),
        (billable, platformFee, cap, minimum, shares) => {
          const t = terms({
            platformFee: String(platformFee),
            attemptFees: [{ definitionKey: null, unitPrice: "0.1" }],
            outcomePrices: [
              {
                definitionKey: "ticket_resolved",
                unitPrice: "0.99",
                tiers: [
                  { upTo: 1_000, unitPrice: "0.99" },
                  { upTo: null, unitPrice: "0.79" },
                ],
              },
            ],
            monthlyCap: cap === null ? null : String(cap),
            minimumCommitment: minimum === null ? null : String(minimum),
          });
          const claims = shares.slice(0, billable).map((s, i) => claim(String(i), s));
          const priced = priceCredits(t, [usage(billable)], none, claims);
          const removed = claims.reduce((s, c) => s.plus(c.share), new Dec(0));
          const charged = ratePeriod(t, [usage(billable)]).totalMinor;
          const recomputed = ratePeriod(t, [
            { ...usage(billable), billable: new Dec(billable).minus(removed).toFixed() },
          ]).totalMinor;
          expect(priced.totalMinor).toBe(charged - recomputed);
          expect(priced.totalMinor >= 0n).toBe(true);
          expect(priced.totalMinor <= charged).toBe(true);
          expect(priced.totalMinor <= priced.listMinor).toBe(true);
          expect(sumMinor([...priced.perClaim.values()])).toBe(priced.totalMinor);
        },
      ),
      { numRuns: 300 },
    );
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
