import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createDraftVersion } from "@/server/services/definitions/create-draft-version";
import { previewImpact } from "@/server/services/definitions/preview-impact";
import { claim, disputeSetup } from "../disputes/dispute-fixtures";
import { callerFor, makeUser, testActor } from "../support/fixtures";

describe("the impact preview of a draft", () => {
  it("counts flips, prices them per customer, and names the disputes the draft would have settled", async () => {
    const s = await disputeSetup({ attempts: 6, billable: 6 });
    const key = s.definition.key;
    const upheld = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[0]!] },
    });
    await s.asReviewer.disputes.decide({
      disputeId: upheld.disputeId,
      attemptIds: [s.billable[0]!],
      kind: "accept",
      rationale: "The customer reopened it by e-mail; the reopen flag never arrived.",
      rootCause: "definition_gap",
      criterion: "reopened",
    });
    const rejected = await s.asFinance.disputes.open({
      ...claim,
      scope: { kind: "outcomes", attemptIds: [s.billable[2]!] },
    });
    await s.asReviewer.disputes.decide({
      disputeId: rejected.disputeId,
      attemptIds: [s.billable[2]!],
      kind: "reject",
      rationale: "The transcript shows the customer confirming the fix.",
      rootCause: "no_fault_found",
    });
    // The draft: an outcome counts only when the provider reported it was not reopened.
    const v1 = await db().definitionVersion.findFirstOrThrow({ where: { definition: { key }, number: 1 } });
    const criteria = (v1.criteria as { attribute: string; whenMissing: string }[]).map((c) =>
      c.attribute === "reopened" ? { ...c, whenMissing: "fail" } : c,
    );
    await createDraftVersion({
      actor: testActor,
      definitionKey: key,
      input: {
        criteria: criteria as never,
        observationWindowHours: 72,
        defaultUnitPrice: "0.99",
        changeNote: "A missing reopen flag no longer counts as not reopened.",
      },
    });
    const preview = await previewImpact({ input: { definitionKey: key, number: 2, days: 90 } });
    const mine = preview.customers.find((c) => c.customerId === s.customer.id);
    // Every one of the six lacks the flag: all six flip, 6 × 0.99 off the customer's bill.
    expect(mine).toMatchObject({ billableDelta: -6, lost: 6, moneyDeltaMinor: -594n });
    expect(preview.upheldPrevented).toBeGreaterThanOrEqual(1);
    expect(preview.rejectedNowUnbilled).toBeGreaterThanOrEqual(1);
    expect(preview.samples.find((x) => x.attemptId === s.billable[0])).toMatchObject({
      direction: "billable_to_not",
      dispute: "upheld",
    });
    // Reviewers may preview; it writes nothing.
    const reviewer = await makeUser("reviewer");
    const again = await callerFor(reviewer).definitions.previewImpact({ definitionKey: key, number: 2, days: 90 });
    expect(again.attempts).toBe(preview.attempts);
    expect((await db().definitionVersion.findFirstOrThrow({ where: { definition: { key }, number: 2 } })).status).toBe(
      "draft",
    );
  });
});
