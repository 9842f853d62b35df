// What a decision would credit, and on which invoices: the decision's own load and
// `decideCredits`, written nowhere. The decision form's button states it ("Accept 1 outcome:
// credits $0.99 on the November 2026 draft").
import { z } from "zod";
import { transaction } from "@/server/db";
import { DecideInput, DecisionFields } from "./decide-disputed-outcomes";
import { customerOf, loadAndDecide } from "./internal/load-decision";

export const PreviewDecisionInput = z.strictObject({
  disputeId: DecideInput.shape.disputeId,
  /** Absent: every undecided outcome of the dispute. */
  attemptIds: DecideInput.shape.attemptIds.optional(),
  kind: DecisionFields.shape.kind,
  percent: DecisionFields.shape.percent,
});

/**
 * What a decision would credit, and on which invoices: the same load and `decideCredits` as
 * the decision, written nowhere (the decision form's button states it).
 */
export async function previewDecision({ input }: { input: z.input<typeof PreviewDecisionInput> }) {
  const parsed = PreviewDecisionInput.parse(input);
  const customerId = await customerOf(parsed.disputeId);
  return transaction(async (tx) => {
    const attemptIds =
      parsed.attemptIds ??
      (
        await tx.disputedOutcome.findMany({
          where: { disputeId: parsed.disputeId, customerId, state: "undecided" },
          select: { attemptId: true },
        })
      ).map((o) => o.attemptId);
    const { credits, invoices, dispute } = await loadAndDecide(tx, customerId, {
      ...parsed,
      attemptIds,
      percent: parsed.kind === "partial" ? parsed.percent : undefined,
      criterion: undefined,
    });
    return { creditMinor: credits.creditMinor, currency: dispute.currency, invoices };
  });
}
