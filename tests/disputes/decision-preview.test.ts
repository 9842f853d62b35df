import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { claim, disputeSetup } from "./dispute-fixtures";

describe("what a decision will cost, before it is made", () => {
  it("previews exactly what the decision then credits, on the invoice it names, and changes nothing", async () => {
    const s = await disputeSetup();
    const [a, b] = s.billable;
    const opened = await s.asFinance.disputes.open({ ...claim, scope: { kind: "outcomes", attemptIds: [a!, b!] } });
    const preview = await s.asReviewer.disputes.previewDecision({
      disputeId: opened.disputeId,
      attemptIds: [a!],
      kind: "partial",
      percent: "50",
    });
    const every = await s.asReviewer.disputes.previewDecision({ disputeId: opened.disputeId, kind: "accept" });
    expect(every.creditMinor).toBe(198n);
    expect(await db().disputeDecision.count({ where: { disputeId: opened.disputeId } })).toBe(0);

    const decided = await s.asReviewer.disputes.decide({
      disputeId: opened.disputeId,
      attemptIds: [a!],
      kind: "partial",
      percent: "50",
      rationale: "Half of the conversation was handled by a person.",
      rootCause: "attribution",
    });
    expect(decided.creditMinor).toBe(preview.creditMinor);
    expect(preview.invoices).toEqual([
      expect.objectContaining({ status: "draft", number: null, periodLabel: expect.stringMatching(/^\w+ \d{4}$/) }),
    ]);
    expect(decided.invoices.map((i) => i.id)).toEqual(preview.invoices.map((i) => i.id));
  });

  it("is for provider staff only", async () => {
    const s = await disputeSetup();
    const opened = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[0]!] },
    });
    await expect(
      s.asFinance.disputes.previewDecision({ disputeId: opened.disputeId, kind: "accept" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
