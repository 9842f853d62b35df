import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allowanceExpiresAt,
  type DrawableGrant,
  describePrepaidAllowance,
  drawOrder,
  isDrawable,
  planDraw,
  walletAppliedMinor,
  walletBalance,
  walletRefundForCreditNote,
} from "./wallet";

const at = (iso: string) => new Date(iso);
const grant = (
  id: string,
  remaining: bigint,
  expires: string | null,
  granted = "2026-01-01T00:00:00Z",
): DrawableGrant => ({
  id,
  remainingMinor: remaining,
  expiresAt: expires === null ? null : at(expires),
  grantedAt: at(granted),
});

describe("drawing prepaid credits", () => {
  const now = at("2026-06-15T12:00:00Z");

  it("draws the grant that expires first, then the older of two expiring together, never-expiring last", () => {
    const grants = [
      grant("never", 10_000n, null, "2025-01-01T00:00:00Z"),
      grant("later", 10_000n, "2026-12-01T00:00:00Z"),
      grant("soon-young", 3_000n, "2026-07-01T00:00:00Z", "2026-05-01T00:00:00Z"),
      grant("soon-old", 2_000n, "2026-07-01T00:00:00Z", "2026-02-01T00:00:00Z"),
    ];
    expect(planDraw(grants, 16_000n, now)).toEqual([
      { grantId: "soon-old", amountMinor: 2_000n },
      { grantId: "soon-young", amountMinor: 3_000n },
      { grantId: "later", amountMinor: 10_000n },
      { grantId: "never", amountMinor: 1_000n },
    ]);
  });

  it("never draws an expired grant, even one the sweep has not written down yet", () => {
    const grants = [grant("expired", 5_000n, "2026-06-15T12:00:00Z"), grant("live", 1_000n, "2026-06-15T12:00:01Z")];
    expect(planDraw(grants, 5_000n, now)).toEqual([{ grantId: "live", amountMinor: 1_000n }]);
    expect(walletBalance(grants, now)).toBe(1_000n);
    expect(isDrawable(grants[0]!, now)).toBe(false);
  });

  it("never draws a grant made after the instant of the draw", () => {
    expect(planDraw([grant("future", 100n, null, "2026-06-15T12:00:01Z")], 100n, now)).toEqual([]);
  });

  it("draws nothing for an invoice of zero or less", () => {
    expect(planDraw([grant("a", 100n, null)], 0n, now)).toEqual([]);
    expect(planDraw([grant("a", 100n, null)], -50n, now)).toEqual([]);
  });

  it("pays an invoice only as far as the wallet holds", () => {
    expect(planDraw([grant("a", 700n, null)], 1_000n, now)).toEqual([{ grantId: "a", amountMinor: 700n }]);
  });
});

describe("a credit note on an invoice the wallet paid", () => {
  it("reduces what is owed first and gives back only what the wallet paid beyond the new net due", () => {
    // 100.00 invoice, 40.00 from the wallet, 60.00 owed: a 30.00 credit note leaves 30.00 owed.
    expect(
      walletRefundForCreditNote({ walletDrawnMinor: 4_000n, netDueBeforeMinor: 10_000n, creditNoteMinor: 3_000n }),
    ).toBe(0n);
    // Fully paid by the wallet: the 30.00 goes back to it.
    expect(
      walletRefundForCreditNote({ walletDrawnMinor: 10_000n, netDueBeforeMinor: 10_000n, creditNoteMinor: 3_000n }),
    ).toBe(3_000n);
    // 80.00 from the wallet: 20.00 owed is cancelled, 10.00 goes back.
    expect(
      walletRefundForCreditNote({ walletDrawnMinor: 8_000n, netDueBeforeMinor: 10_000n, creditNoteMinor: 3_000n }),
    ).toBe(1_000n);
  });

  it("applies what was drawn up to the net due", () => {
    expect(walletAppliedMinor(5_000n, 3_000n)).toBe(3_000n);
    expect(walletAppliedMinor(5_000n, 0n)).toBe(0n);
    expect(walletAppliedMinor(2_000n, 3_000n)).toBe(2_000n);
  });

  it("over any sequence of credit notes, what stays applied plus what went back is exactly what was drawn", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000_000n }),
        fc.bigInt({ min: 0n, max: 10_000_000n }),
        fc.array(fc.bigInt({ min: 1n, max: 3_000_000n }), { maxLength: 8 }),
        (total, drawSeed, notes) => {
          const drawn = drawSeed % (total + 1n);
          let netDue = total;
          let refunded = 0n;
          for (const note of notes) {
            if (note > netDue) continue; // a credit note never exceeds what remains uncredited
            const refund = walletRefundForCreditNote({
              walletDrawnMinor: drawn,
              netDueBeforeMinor: netDue,
              creditNoteMinor: note,
            });
            expect(refund).toBeGreaterThanOrEqual(0n);
            expect(refund).toBeLessThanOrEqual(note);
            refunded += refund;
            netDue -= note;
          }
          expect(walletAppliedMinor(drawn, netDue) + refunded).toBe(drawn);
          expect(walletAppliedMinor(drawn, netDue)).toBeLessThanOrEqual(netDue);
        },
      ),
      { numRuns: 3_000 },
    );
  });
});

describe("a contract's recurring allowance", () => {
  it("says what is granted and what happens to what is left", () => {
    const money = (a: string) => `${a} USD`;
    expect(describePrepaidAllowance({ amount: "100.00", rolloverPeriods: 0 }, money)).toBe(
      "100.00 USD of prepaid credits each period, granted when the period is finalized; what that period's invoice does not use expires.",
    );
    expect(describePrepaidAllowance({ amount: "100.00", rolloverPeriods: 2 }, money)).toContain(
      "rolls over to the next 2 invoices, then expires",
    );
  });

  it("lasts until the end of the month it is granted in, plus one month per rollover period", () => {
    // January's, granted at its finalization on 4 February: February's invoice is finalized in March.
    expect(allowanceExpiresAt(at("2026-02-04T00:01:00Z"), 0)).toEqual(at("2026-03-01T00:00:00Z"));
    expect(allowanceExpiresAt(at("2026-02-04T00:01:00Z"), 1)).toEqual(at("2026-04-01T00:00:00Z"));
    expect(allowanceExpiresAt(at("2026-12-31T23:59:59Z"), 2)).toEqual(at("2027-03-01T00:00:00Z"));
  });
});

// A model of the wallet over time: grants arrive, invoices draw, the clock moves. Whatever the
// sequence, the rules hold at every step.
type Step =
  | { kind: "grant"; amount: bigint; expiresInDays: number | null }
  | { kind: "draw"; due: bigint }
  | { kind: "wait"; days: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("grant" as const),
    amount: fc.bigInt({ min: 1n, max: 50_000n }),
    expiresInDays: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant("draw" as const), due: fc.bigInt({ min: -1_000n, max: 80_000n }) }),
  fc.record({ kind: fc.constant("wait" as const), days: fc.integer({ min: 1, max: 40 }) }),
);

describe("the wallet over any sequence of grants, draws and expiries", () => {
  for (const seed of [1, 42, 2026, 31337]) {
    it(`never goes negative, never draws more than was granted, and draws oldest expiry first (seed ${seed})`, () => {
      fc.assert(
        fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
          let now = at("2026-01-01T00:00:00Z");
          const grants: DrawableGrant[] = [];
          let granted = 0n;
          let drawnTotal = 0n;
          steps.forEach((s, i) => {
            if (s.kind === "wait") now = new Date(now.getTime() + s.days * 86_400_000);
            if (s.kind === "grant") {
              const expiresAt =
                s.expiresInDays === null ? null : new Date(now.getTime() + s.expiresInDays * 86_400_000);
              grants.push({
                id: `g${String(i).padStart(3, "0")}`,
                remainingMinor: s.amount,
                expiresAt,
                grantedAt: now,
              });
              granted += s.amount;
            }
            if (s.kind === "draw") {
              const before = walletBalance(grants, now);
              const draws = planDraw(grants, s.due, now);
              const drawn = draws.reduce((sum, d) => sum + d.amountMinor, 0n);
              if (s.due <= 0n) expect(drawn).toBe(0n);
              else expect(drawn).toBe([before, s.due].sort((a, b) => (a < b ? -1 : 1))[0]);
              expect(new Set(draws.map((d) => d.grantId)).size).toBe(draws.length);
              const drawnFrom = new Set(draws.map((d) => d.grantId));
              for (const d of draws) {
                const g = grants.find((x) => x.id === d.grantId)!;
                expect(isDrawable(g, now)).toBe(true);
                expect(d.amountMinor).toBeGreaterThan(0n);
                expect(d.amountMinor).toBeLessThanOrEqual(g.remainingMinor);
                // Oldest expiry first: every live grant ordered before a drawn one is used up by this draw.
                for (const earlier of grants.filter((x) => isDrawable(x, now) && drawOrder(x, g) < 0)) {
                  expect(drawnFrom.has(earlier.id)).toBe(true);
                  const taken = draws.find((x) => x.grantId === earlier.id)!.amountMinor;
                  expect(taken).toBe(earlier.remainingMinor);
                }
              }
              for (const d of draws) {
                const g = grants.find((x) => x.id === d.grantId)!;
                g.remainingMinor -= d.amountMinor;
              }
              drawnTotal += drawn;
            }
            for (const g of grants) expect(g.remainingMinor).toBeGreaterThanOrEqual(0n);
            expect(walletBalance(grants, now)).toBeGreaterThanOrEqual(0n);
            expect(drawnTotal).toBeLessThanOrEqual(granted);
            expect(walletBalance(grants, now) + drawnTotal).toBeLessThanOrEqual(granted);
          });
        }),
        { numRuns: 1_500, seed },
      );
    });
  }
});
