import { describe, expect, it } from "vitest";
import { decisionButtonText } from "./decision-wording";

const draft = { status: "draft" as const, number: null, periodLabel: "November 2026" };
const finalized = { status: "finalized" as const, number: "INV-2026-000004", periodLabel: "October 2026" };

describe("the decision button says what it will do and what it will cost", () => {
  it("names the outcomes, the credit and the draft it comes off", () => {
    expect(
      decisionButtonText({
        kind: "accept",
        percent: null,
        outcomes: 1,
        creditMinor: 99n,
        currency: "USD",
        invoices: [draft],
      }),
    ).toBe("Accept 1 outcome: credits $0.99 on the November 2026 draft");
  });

  it("names the credit note on a finalized invoice, and a partial credit's percentage", () => {
    expect(
      decisionButtonText({
        kind: "partial",
        percent: "50",
        outcomes: 3,
        creditMinor: 149n,
        currency: "USD",
        invoices: [finalized],
      }),
    ).toBe("Credit 50 % of 3 outcomes: credits $1.49 on invoice INV-2026-000004 (a credit note)");
  });

  it("counts invoices when a decision spans several, and says a rejection credits nothing", () => {
    expect(
      decisionButtonText({
        kind: "accept",
        percent: null,
        outcomes: 2,
        creditMinor: 0n,
        currency: "EUR",
        invoices: [draft, finalized],
      }),
    ).toBe("Accept 2 outcomes: credits €0.00 on 2 invoices");
    expect(
      decisionButtonText({
        kind: "reject",
        percent: null,
        outcomes: 2,
        creditMinor: null,
        currency: "USD",
        invoices: [],
      }),
    ).toBe("Reject 2 outcomes: no credit");
  });

  it("says only what it will do while the figure is being computed", () => {
    expect(
      decisionButtonText({
        kind: "accept",
        percent: null,
        outcomes: 1,
        creditMinor: null,
        currency: "USD",
        invoices: [],
      }),
    ).toBe("Accept 1 outcome");
  });
});
