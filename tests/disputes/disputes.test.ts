import { describe, expect, it } from "vitest";
import { nextPeriodStart } from "@/domain/invoicing/periods";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { computeInvoice } from "@/server/services/invoicing/compute-invoice";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { DAY_MS, invoiceIdFor, monthsAgo } from "../invoicing/billed-period";
import { callerFor, makeUser, testActor } from "../support/fixtures";
import { claim, disputeSetup } from "./dispute-fixtures";

const creditLine = (lines: { kind: string; amountMinor: bigint }[]) => lines.find((l) => l.kind === "dispute_credit");

describe("disputes on a draft invoice", () => {
  it("accept, 50 % and reject change the draft by exactly the credits, and finalization keeps them", async () => {
    const s = await disputeSetup({ attempts: 12, billable: 10 });
    const before = await computeInvoice(s.customer.id, s.period);
    expect(before.totalMinor).toBe(990n);

    const [a, b, c] = s.billable;
    const opened = await s.asFinance.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [a!, b!, c!] } });
    expect(opened.outcomes).toBe(3);
    expect(opened.atStakeMinor).toBe(297n);
    // Opening changes nothing on the bill.
    expect((await computeInvoice(s.customer.id, s.period)).totalMinor).toBe(990n);

    const decide = (attemptId: string, kind: "accept" | "partial" | "reject", percent?: string) =>
      s.asReviewer.disputes.decide({
        disputeId: opened.disputeId,
        attemptIds: [attemptId],
        kind,
        percent,
        rationale: "Checked the conversation log against the claim.",
        rootCause: kind === "reject" ? "no_fault_found" : "definition_gap",
        criterion: kind === "reject" ? undefined : "reopened",
      });
    const accepted = await decide(a!, "accept");
    const partial = await decide(b!, "partial", "50");
    const rejected = await decide(c!, "reject");
    expect(accepted.creditMinor).toBe(99n);
    expect(rejected).toMatchObject({ creditMinor: 0n, resolved: true });

    // 10 × 0.99 = 9.90; without 1.5 outcomes 8.5 × 0.99 = 8.415 → 8.42 (half-even): 1.48 off.
    const after = await computeInvoice(s.customer.id, s.period);
    expect(creditLine(after.lines)?.amountMinor).toBe(-148n);
    expect(after.totalMinor).toBe(990n - 148n);
    expect(accepted.creditMinor + partial.creditMinor).toBe(148n);

    const detail = await s.asFinance.disputes.byId({ disputeId: opened.disputeId });
    expect(detail.dispute).toMatchObject({ status: "resolved", undecidedCount: 0, creditedMinor: 148n });
    expect(detail.decisions.map((d) => d.kind)).toEqual(["accept", "partial", "reject"]);
    expect(detail.audit.map((e) => e.action)).toEqual([
      "dispute.opened",
      "dispute.decided",
      "dispute.decided",
      "dispute.decided",
    ]);

    const finalized = await finalizeInvoice({
      actor: testActor,
      input: { customerId: s.customer.id, periodStart: s.period },
    });
    expect(finalized.totalMinor).toBe(842n);
    const lines = await db().invoiceLine.findMany({ where: { invoiceId: finalized.invoiceId } });
    expect(creditLine(lines)?.amountMinor).toBe(-148n);
    const items = await db().disputedOutcome.findMany({ where: { disputeId: opened.disputeId } });
    expect(items.reduce((sum, i) => sum + i.creditMinor, 0n)).toBe(148n);
    // Credits on the (now finalized) draft issue no credit note.
    expect(await db().creditNote.count({ where: { invoiceId: finalized.invoiceId } })).toBe(0);
  });

  it("credits each fully accepted 0.99 outcome 0.99 beside a 50 % partial one, and the outcomes add up to the line", async () => {
    const s = await disputeSetup({ attempts: 12, billable: 10 });
    const [a, b, c] = s.billable;
    const opened = await s.asFinance.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [a!, b!, c!] } });
    expect(opened.atStakeMinor).toBe(297n);
    const decide = (attemptIds: string[], kind: "accept" | "partial", percent?: string) =>
      s.asReviewer.disputes.decide({
        disputeId: opened.disputeId,
        attemptIds,
        kind,
        percent,
        rationale: "Checked the conversation log against the claim.",
        rootCause: "detection_error",
      });
    await decide([b!], "partial", "50");
    await decide([a!], "accept");
    await decide([c!], "accept");
    const shown = async () =>
      new Map(
        (await db().disputedOutcome.findMany({ where: { disputeId: opened.disputeId } })).map((o) => [
          o.attemptId,
          o.creditMinor,
        ]),
      );
    // 0.495 + 0.99 + 0.99 = 2.475 → 2.48 on the line; the half cent goes to the partial outcome.
    expect(await shown()).toEqual(
      new Map([
        [a!, 99n],
        [b!, 50n],
        [c!, 99n],
      ]),
    );
    expect(creditLine((await computeInvoice(s.customer.id, s.period)).lines)?.amountMinor).toBe(-248n);
    const detail = await s.asFinance.disputes.byId({ disputeId: opened.disputeId });
    expect(detail.dispute.creditedMinor).toBe(248n);
    expect(detail.decisions.map((d) => d.creditMinor)).toEqual([50n, 99n, 99n]);

    await finalizeInvoice({ actor: testActor, input: { customerId: s.customer.id, periodStart: s.period } });
    expect(await shown()).toEqual(
      new Map([
        [a!, 99n],
        [b!, 50n],
        [c!, 99n],
      ]),
    );
  });

  it("says why a credit is 0.00 when usage is above the monthly cap", async () => {
    const s = await disputeSetup({ terms: () => ({ monthlyCap: "5" }), attempts: 10, billable: 10 });
    const opened = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[0]!] },
    });
    expect(opened.atStakeMinor).toBe(0n);
    const decided = await s.asReviewer.disputes.decide({
      disputeId: opened.disputeId,
      attemptIds: [s.billable[0]!],
      kind: "accept",
      rationale: "The ticket was reopened within the window.",
      rootCause: "detection_error",
    });
    expect(decided.creditMinor).toBe(0n);
    expect(decided.explanation).toContain("monthly cap of $5.00");
    expect((await computeInvoice(s.customer.id, s.period)).totalMinor).toBe(500n);
  });
});

describe("disputes on a finalized invoice", () => {
  it("issue one credit note per decision, never change the invoice, and refuse a second dispute once fully credited", async () => {
    const s = await disputeSetup({ period: monthsAgo(2) });
    const invoice = await finalizeInvoice({
      actor: testActor,
      input: { customerId: s.customer.id, periodStart: s.period },
    });
    const [a, b] = s.billable;
    const opened = await s.asFinance.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [a!, b!] } });
    const decided = await s.asReviewer.disputes.decide({
      disputeId: opened.disputeId,
      attemptIds: [a!, b!],
      kind: "accept",
      rationale: "Both were handed to a human agent before closing.",
      rootCause: "attribution",
    });
    expect(decided.creditMinor).toBe(198n);
    const notes = await db().creditNote.findMany({ where: { invoiceId: invoice.invoiceId } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ amountMinor: 198n, disputeDecisionId: decided.decisionId });
    const stored = await db().invoice.findUniqueOrThrow({ where: { id: invoice.invoiceId } });
    expect(stored.totalMinor).toBe(990n);

    const again = await s.asFinance.disputes.preview({ scope: { kind: "outcomes", attemptIds: [a!] } });
    expect(again.eligibleCount).toBe(0);
    expect(again.refused.map((r) => r.reason)).toEqual(["fully_credited"]);
  });

  it("a partial credit leaves the rest disputable, priced on what remains", async () => {
    const s = await disputeSetup({ period: monthsAgo(2) });
    await finalizeInvoice({ actor: testActor, input: { customerId: s.customer.id, periodStart: s.period } });
    const [a] = s.billable;
    const first = await s.asFinance.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [a!] } });
    await s.asReviewer.disputes.decide({
      disputeId: first.disputeId,
      attemptIds: [a!],
      kind: "partial",
      percent: "50",
      rationale: "Half of the conversation was handled by a human.",
      rootCause: "attribution",
    });
    const second = await s.asFinance.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [a!] } });
    const items = await db().disputedOutcome.findMany({ where: { disputeId: second.disputeId } });
    expect(items[0]!.disputedShare.toString()).toBe("0.5");
    const decided = await s.asReviewer.disputes.decide({
      disputeId: second.disputeId,
      attemptIds: [a!],
      kind: "accept",
      rationale: "On review the AI did not resolve it at all.",
      rootCause: "detection_error",
    });
    // 10 × 0.99 = 9.90; 9.5 × 0.99 = 9.405 → 9.40; 9 × 0.99 = 8.91: 0.50 then 0.49.
    expect(decided.creditMinor).toBe(49n);
  });

  it("refuses outcomes whose invoice's dispute window has closed", async () => {
    const s = await disputeSetup({ period: monthsAgo(3) });
    // Finalized 40 days ago on a 30-day window.
    await finalizeInvoice({
      actor: testActor,
      input: { customerId: s.customer.id, periodStart: s.period },
      now: new Date(Math.max(clock.now().getTime() - 40 * DAY_MS, nextPeriodStart(s.period).getTime() + DAY_MS)),
    });
    const attempt = s.asFinance.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [s.billable[0]!] } });
    await expect(attempt).rejects.toThrow(/dispute window has closed/);
  });
});

describe("dispute rules", () => {
  it("refuses outcomes that are not billed, and disputes only the eligible ones when asked", async () => {
    const s = await disputeSetup({ attempts: 4, billable: 2 });
    const scope = { kind: "outcomes" as const, attemptIds: [...s.billable, ...s.notBillable] };
    const preview = await s.asFinance.disputes.preview({ scope });
    expect(preview.eligibleCount).toBe(2);
    expect(preview.refused).toEqual([expect.objectContaining({ reason: "not_billed", count: 2 })]);
    await expect(s.asFinance.disputes.open({ ...claim, scope })).rejects.toThrow(
      /2 of the 4 outcomes cannot be disputed/,
    );
    expect(await db().dispute.count({ where: { customerId: s.customer.id } })).toBe(0);
    const opened = await s.asFinance.disputes.open({ ...claim, scope, onlyEligible: true });
    expect(opened.outcomes).toBe(2);
  });

  it("refuses an outcome already in an open dispute, also when ten disputes race for it", async () => {
    const s = await disputeSetup();
    const scope = { kind: "outcomes" as const, attemptIds: [s.billable[0]!] };
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => s.asFinance.disputes.open({ ...claim, scope })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(String((r as PromiseRejectedResult).reason)).toMatch(/already in an open dispute|a moment ago/);
    }
    expect(await db().disputedOutcome.count({ where: { attemptId: s.billable[0]! } })).toBe(1);
  });

  it("20 reviewers deciding the same outcome at once credit it exactly once", async () => {
    const s = await disputeSetup({ period: monthsAgo(2) });
    const invoice = await finalizeInvoice({
      actor: testActor,
      input: { customerId: s.customer.id, periodStart: s.period },
    });
    const opened = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[0]!] },
    });
    const reviewers = await Promise.all(Array.from({ length: 20 }, () => makeUser("reviewer")));
    const results = await Promise.allSettled(
      reviewers.map((r) =>
        callerFor(r).disputes.decide({
          disputeId: opened.disputeId,
          attemptIds: [s.billable[0]!],
          kind: "accept",
          rationale: "Reopened by the customer within the window.",
          rootCause: "detection_error",
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(String((r as PromiseRejectedResult).reason)).toMatch(/a moment ago|already resolved/);
    }
    expect(await db().disputeDecision.count({ where: { disputeId: opened.disputeId } })).toBe(1);
    const notes = await db().creditNote.findMany({ where: { invoiceId: invoice.invoiceId } });
    expect(notes.map((n) => n.amountMinor)).toEqual([99n]);
  });

  it("keeps each company to its own disputes, and only finance users dispute", async () => {
    const s = await disputeSetup();
    const other = await disputeSetup();
    const opened = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[0]!] },
    });
    await expect(other.asFinance.disputes.byId({ disputeId: opened.disputeId })).rejects.toThrow(/not found/);
    await expect(other.asFinance.disputes.withdraw({ disputeId: opened.disputeId })).rejects.toThrow(/not found/);
    await expect(other.asFinance.disputes.reply({ disputeId: opened.disputeId, body: "Hello" })).rejects.toThrow(
      /not found/,
    );
    // Another company's outcome id is simply not found among one's own.
    const foreign = await other.asFinance.disputes.preview({
      scope: { kind: "outcomes", attemptIds: [s.billable[1]!] },
    });
    expect(foreign.refused).toEqual([expect.objectContaining({ reason: "not_found", count: 1 })]);
    await expect(
      s.asViewer.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [s.billable[1]!] } }),
    ).rejects.toThrow(/role does not allow/);
    await expect(s.asViewer.disputes.reply({ disputeId: opened.disputeId, body: "Hello" })).rejects.toThrow(
      /finance users/,
    );
    expect((await s.asViewer.disputes.byId({ disputeId: opened.disputeId })).dispute.number).toBe(opened.number);
    await expect(
      s.asReviewer.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [s.billable[1]!] } }),
    ).rejects.toThrow(/role does not allow/);
  });

  it("validates a decision and changes nothing when it is wrong", async () => {
    const s = await disputeSetup();
    const opened = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[0]!] },
    });
    const base = {
      disputeId: opened.disputeId,
      attemptIds: [s.billable[0]!],
      rationale: "Checked against the conversation log.",
    };
    await expect(s.asReviewer.disputes.decide({ ...base, kind: "partial", rootCause: "attribution" })).rejects.toThrow(
      /percentage/,
    );
    await expect(
      s.asReviewer.disputes.decide({ ...base, kind: "accept", rootCause: "definition_gap" }),
    ).rejects.toThrow(/criterion/);
    await expect(
      s.asReviewer.disputes.decide({ ...base, kind: "accept", rootCause: "definition_gap", criterion: "nonsense" }),
    ).rejects.toThrow(/criterion/);
    await expect(
      s.asReviewer.disputes.decide({ ...base, kind: "accept", rootCause: "attribution", rationale: "ok" }),
    ).rejects.toThrow(/rationale|sentence/);
    await expect(
      s.asReviewer.disputes.decide({
        ...base,
        attemptIds: [s.billable[1]!],
        kind: "reject",
        rootCause: "no_fault_found",
      }),
    ).rejects.toThrow(/not in this dispute/);
    expect(await db().disputeDecision.count({ where: { disputeId: opened.disputeId } })).toBe(0);
    await expect(
      s.asFinance.disputes.open({
        reason: "other",
        message: "short",
        scope: { kind: "outcomes", attemptIds: [s.billable[1]!] },
      }),
    ).rejects.toThrow(/at least 10 characters/);
  });

  it("lets the customer withdraw while undecided, after which the outcome can be disputed again", async () => {
    const s = await disputeSetup();
    const scope = { kind: "outcomes" as const, attemptIds: [s.billable[0]!, s.billable[1]!] };
    const opened = await s.asFinance.disputes.open({ ...claim, scope });
    await s.asFinance.disputes.reply({ disputeId: opened.disputeId, body: "Adding the transcript link." });
    await s.asReviewer.disputes.reply({ disputeId: opened.disputeId, body: "Thanks, looking at it today." });
    const withdrawn = await s.asFinance.disputes.withdraw({ disputeId: opened.disputeId, note: "Our mistake." });
    expect(withdrawn).toEqual({ status: "withdrawn", withdrawnOutcomes: 2 });
    await expect(s.asFinance.disputes.withdraw({ disputeId: opened.disputeId })).rejects.toThrow(/already withdrawn/);
    await expect(
      s.asReviewer.disputes.decide({
        disputeId: opened.disputeId,
        attemptIds: [s.billable[0]!],
        kind: "accept",
        rationale: "Too late for this one.",
        rootCause: "no_fault_found",
      }),
    ).rejects.toThrow(/already withdrawn/);
    const detail = await s.asFinance.disputes.byId({ disputeId: opened.disputeId });
    expect(detail.messages.map((m) => m.side)).toEqual(["customer", "provider"]);
    expect((await s.asFinance.disputes.open({ ...claim, scope })).outcomes).toBe(2);
  });

  it("disputes a whole invoice line and everything a filter matches", async () => {
    const s = await disputeSetup({ attempts: 6, billable: 4 });
    const invoiceId = await invoiceIdFor(s.customer.id, s.period);
    const invoice = await computeInvoice(s.customer.id, s.period);
    const position = invoice.lines.findIndex((l) => l.kind === "outcomes");
    const line = await s.asFinance.disputes.preview({ scope: { kind: "invoice_line", invoiceId, position } });
    expect(line.eligibleCount).toBe(4);
    const filter = await s.asFinance.disputes.preview({
      scope: { kind: "filter", query: { period: s.period.toISOString().slice(0, 7) } },
    });
    expect(filter).toMatchObject({ eligibleCount: 4, atStakeMinor: 396n });
  });

  it("tells reviewers and the customer, and counts the queue", async () => {
    const s = await disputeSetup();
    const opened = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[0]!] },
    });
    const staffNotes = await s.asReviewer.notifications.list();
    expect(staffNotes.items.some((n) => n.link === `/review/${opened.disputeId}`)).toBe(true);
    await s.asReviewer.disputes.assign({ disputeId: opened.disputeId, assigneeId: s.reviewer.userId });
    const counters = await s.asReviewer.disputes.counters();
    expect(counters.mine).toBeGreaterThanOrEqual(1);
    const queue = await s.asReviewer.disputes.queue({ assignee: "me", customerId: s.customer.id });
    expect(queue.disputes.map((d) => d.id)).toEqual([opened.disputeId]);
    await s.asReviewer.disputes.decide({
      disputeId: opened.disputeId,
      attemptIds: [s.billable[0]!],
      kind: "reject",
      rationale: "The customer confirmed the fix worked.",
      rootCause: "no_fault_found",
    });
    const customerNotes = await s.asFinance.notifications.list();
    expect(customerNotes.items[0]).toMatchObject({ kind: "dispute.decided", link: `/disputes/${opened.disputeId}` });
  });
});
