import { describe, expect, it } from "vitest";
import { invoiceCredits, remainingCredit } from "./credit-notes";

describe("an invoice's credits", () => {
  it("counts the draft's dispute credits and the credit notes under one figure", () => {
    const lines = [
      { kind: "outcomes", amountMinor: 990n },
      { kind: "dispute_credit", amountMinor: -297n },
    ];
    expect(invoiceCredits(lines, 0n)).toEqual({
      chargesMinor: 990n,
      disputeCreditsMinor: 297n,
      creditNotesMinor: 0n,
      creditedMinor: 297n,
      netDueMinor: 693n,
    });
    expect(invoiceCredits(lines, 100n)).toMatchObject({ creditedMinor: 397n, netDueMinor: 593n });
  });

  it("leaves what remains uncredited, never below nothing", () => {
    expect(remainingCredit(990n, 250n)).toBe(740n);
    expect(remainingCredit(-20n, 0n)).toBe(0n);
  });
});
