import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invoiceDates, outstandingMinor, paymentFacts, paymentStatus, paymentTermsLabel } from "./payment-terms";

const terms = { paymentTermsDays: 30, disputeWindowDays: 45, graceDays: 7 };
const nov = new Date("2026-11-01T00:00:00Z");

describe("invoice dates", () => {
  it("says when a draft will finalize: the period's end plus the grace days", () => {
    expect(invoiceDates({ periodStart: nov, finalizedAt: null }, terms)).toEqual({
      finalizesAt: new Date("2026-12-08T00:00:00Z"),
      issuedAt: null,
      dueAt: null,
      disputeBy: null,
    });
  });

  it("dates a finalized invoice's due and dispute-by from its finalization", () => {
    const finalizedAt = new Date("2026-12-08T00:01:30Z");
    expect(invoiceDates({ periodStart: nov, finalizedAt }, terms)).toEqual({
      finalizesAt: finalizedAt,
      issuedAt: finalizedAt,
      dueAt: new Date("2027-01-07T00:01:30Z"),
      disputeBy: new Date("2027-01-22T00:01:30Z"),
    });
  });

  it("names the terms", () => {
    expect(paymentTermsLabel(30)).toBe("Net 30");
    expect(paymentTermsLabel(0)).toBe("Due on receipt");
  });
});

describe("payment status", () => {
  const dueAt = new Date("2027-01-07T00:00:00Z");
  const base = { finalized: true, voided: false, netDueMinor: 10_000n, paidMinor: 0n, dueAt };

  it("is none for a draft, void once voided, paid when covered", () => {
    expect(paymentStatus({ ...base, finalized: false, now: dueAt })).toBeNull();
    expect(paymentStatus({ ...base, voided: true, now: dueAt })).toBe("void");
    expect(paymentStatus({ ...base, paidMinor: 10_000n, now: dueAt })).toBe("paid");
  });

  it("is open until the due instant and overdue from it on while unpaid", () => {
    expect(paymentStatus({ ...base, paidMinor: 9_999n, now: new Date(dueAt.getTime() - 1) })).toBe("open");
    expect(paymentStatus({ ...base, paidMinor: 9_999n, now: dueAt })).toBe("overdue");
  });

  it("counts a fully credited invoice as paid", () => {
    expect(paymentStatus({ ...base, netDueMinor: 0n, now: dueAt })).toBe("paid");
  });

  it("never leaves more outstanding than due, nor less than zero (property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.bigInt({ min: 0n, max: 10n ** 12n }), (due, paid) => {
        const left = outstandingMinor(due, paid);
        expect(left >= 0n && left <= due).toBe(true);
        expect(left === 0n).toBe(paymentStatus({ ...base, netDueMinor: due, paidMinor: paid, now: dueAt }) === "paid");
      }),
    );
  });
});

describe("prepaid credits pay an invoice like a payment", () => {
  const base = {
    finalized: true,
    voided: false,
    dueAt: new Date("2026-02-01T00:00:00Z"),
    now: new Date("2026-01-10T00:00:00Z"),
  };

  it("an invoice the wallet covers is paid, with nothing outstanding", () => {
    const facts = paymentFacts({ ...base, netDueMinor: 5_000n, payments: [], walletDrawnMinor: 5_000n });
    expect(facts).toMatchObject({ walletDrawnMinor: 5_000n, outstandingMinor: 0n, paymentStatus: "paid" });
  });

  it("amount due = net due − wallet − payments", () => {
    const facts = paymentFacts({
      ...base,
      netDueMinor: 10_000n,
      payments: [{ amountMinor: 1_000n }],
      walletDrawnMinor: 4_000n,
    });
    expect(facts).toMatchObject({
      walletDrawnMinor: 4_000n,
      paidMinor: 1_000n,
      outstandingMinor: 5_000n,
      paymentStatus: "open",
    });
  });

  it("after a credit note the wallet counts only up to the new net due (the rest went back to it)", () => {
    const facts = paymentFacts({ ...base, netDueMinor: 7_000n, payments: [], walletDrawnMinor: 10_000n });
    expect(facts).toMatchObject({ walletDrawnMinor: 7_000n, outstandingMinor: 0n, paymentStatus: "paid" });
  });
});
