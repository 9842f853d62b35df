import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { monthsAgo } from "../invoicing/billed-period";
import { callerFor, makeUser, testActor } from "../support/fixtures";
import { claim, disputeSetup } from "./dispute-fixtures";

const decision = {
  kind: "accept" as const,
  rationale: "The customer reopened each of these tickets within the window.",
  rootCause: "detection_error" as const,
};

/** One dispute per outcome, so a bulk action spans several disputes. */
async function disputesOf(s: Awaited<ReturnType<typeof disputeSetup>>, count: number) {
  const ids: string[] = [];
  for (const attemptId of s.billable.slice(0, count)) {
    const opened = await s.asFinance.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [attemptId] } });
    ids.push(opened.disputeId);
  }
  return ids;
}

describe("bulk actions across disputes", () => {
  it("decides three disputes through the single decision's use case and reports each", async () => {
    const s = await disputeSetup();
    const ids = await disputesOf(s, 3);
    const done = await s.asReviewer.disputes.decideMany({ disputeIds: ids, ...decision });
    expect(done.summary).toBe("3 decided.");
    expect(done.results.map((r) => r.done && r.creditMinor)).toEqual([99n, 99n, 99n]);
    for (const id of ids) {
      const detail = await s.asFinance.disputes.byId({ disputeId: id });
      expect(detail.dispute.status).toBe("resolved");
      expect(detail.audit.map((e) => e.action)).toEqual(["dispute.opened", "dispute.decided"]);
    }
  });

  it("credits exactly once when two reviewers bulk-decide overlapping disputes at the same moment", async () => {
    const s = await disputeSetup({ period: monthsAgo(2) });
    const invoice = await finalizeInvoice({
      actor: testActor,
      input: { customerId: s.customer.id, periodStart: s.period },
    });
    const ids = await disputesOf(s, 4);
    const other = await makeUser("reviewer");
    const [first, second] = await Promise.all([
      s.asReviewer.disputes.decideMany({ disputeIds: ids.slice(0, 3), ...decision }),
      callerFor(other).disputes.decideMany({ disputeIds: ids.slice(1, 4), ...decision }),
    ]);
    // Each dispute is decided by one of them; the overlap is skipped by the other, naming who decided.
    const decidedBy = new Map<string, number>();
    for (const r of [...first.results, ...second.results]) {
      if (r.done) decidedBy.set(r.disputeId, (decidedBy.get(r.disputeId) ?? 0) + 1);
      else expect(r.why).toBe("already resolved by Test reviewer");
    }
    expect([...decidedBy.values()]).toEqual([1, 1, 1, 1]);
    expect(first.results.length + second.results.length).toBe(6);
    for (const id of ids) expect(await db().disputeDecision.count({ where: { disputeId: id } })).toBe(1);
    const notes = await db().creditNote.findMany({ where: { invoiceId: invoice.invoiceId } });
    expect(notes.reduce((sum, n) => sum + n.amountMinor, 0n)).toBe(4n * 99n);
  });

  it("skips a dispute the customer withdrew, and refuses a decision with wrong fields, all of them at once", async () => {
    const s = await disputeSetup();
    const [kept, withdrawn] = await disputesOf(s, 2);
    await s.asFinance.disputes.withdraw({ disputeId: withdrawn!, note: "We found the reopen was ours." });
    const done = await s.asReviewer.disputes.decideMany({ disputeIds: [kept!, withdrawn!], ...decision });
    expect(done.summary).toMatch(/^1 decided, 1 skipped: DSP-\S+ was withdrawn by the customer\.$/);

    const wrong = await s.asReviewer.disputes
      .decideMany({ disputeIds: [kept!], kind: "partial", rationale: "short", rootCause: "definition_gap" })
      .catch((e) => e);
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(wrong.cause.issues.map((i: { path: string[] }) => i.path.join("."))).toEqual([
      "rationale",
      "percent",
      "criterion",
    ]);
  });

  it("assigns several open disputes to one reviewer, each audited, and skips a resolved one", async () => {
    const s = await disputeSetup();
    const ids = await disputesOf(s, 3);
    await s.asReviewer.disputes.decideMany({ disputeIds: [ids[2]!], ...decision });
    const done = await s.asReviewer.disputes.assignMany({ disputeIds: ids, assigneeId: s.reviewer.userId });
    expect(done.summary).toMatch(/^2 assigned, 1 skipped: DSP-\S+ already resolved by Test reviewer\.$/);
    const audit = await db().auditEntry.count({ where: { action: "dispute.assigned", subjectId: { in: ids } } });
    expect(audit).toBe(2);
    const refused = await s.asReviewer.disputes
      .assignMany({ disputeIds: ids, assigneeId: s.finance.userId })
      .catch((e) => e);
    expect(refused.code).toBe("BAD_REQUEST");
  });

  it("is for provider staff only", async () => {
    const s = await disputeSetup();
    const ids = await disputesOf(s, 1);
    await expect(s.asFinance.disputes.decideMany({ disputeIds: ids, ...decision })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
