import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";
import { claim, disputeSetup } from "./dispute-fixtures";

describe("a dispute of 10,000 outcomes", () => {
  it("opens from a filter, is decided in one go, and credits the draft exactly", async () => {
    const setupStarted = performance.now();
    const s = await disputeSetup({ attempts: 10_001, billable: 10_001 });
    console.info(`setup ${(performance.now() - setupStarted).toFixed(0)} ms`);
    const lap = (label: string) => console.info(`${label} ${(performance.now() - setupStarted).toFixed(0)} ms`);
    const query = { period: s.period.toISOString().slice(0, 7) };
    await expect(s.asFinance.disputes.preview({ scope: { kind: "filter", query } })).rejects.toThrow(
      /more than 10,000 outcomes/,
    );
    lap("preview refused");
    const attemptIds = s.billable.slice(0, 10_000);
    let started = performance.now();
    const opened = await s.asFinance.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds } });
    const openMs = performance.now() - started;
    expect(opened.outcomes).toBe(10_000);
    expect(opened.atStakeMinor).toBe(990_000n);

    started = performance.now();
    const decided = await s.asReviewer.disputes.decide({
      disputeId: opened.disputeId,
      attemptIds,
      kind: "partial",
      percent: "50",
      rationale: "A human agent finished every one of these conversations.",
      rootCause: "attribution",
    });
    const decideMs = performance.now() - started;
    // 10,001 × 0.99 = 9,900.99; with 5,000 removed 5,001 × 0.99 = 4,950.99: 4,950.00 credited.
    expect(decided.creditMinor).toBe(495_000n);
    lap("decided");
    const invoice = await computeInvoice(s.customer.id, s.period);
    expect(invoice.totalMinor).toBe(990_099n - 495_000n);
    lap("computed");
    expect(await db().disputedOutcome.count({ where: { disputeId: opened.disputeId, state: "partial" } })).toBe(10_000);
    console.info(`10,000-outcome dispute: opened in ${openMs.toFixed(0)} ms, decided in ${decideMs.toFixed(0)} ms`);
  }, 180_000);
});
