// A reviewer decides several disputes the same way at once: every undecided outcome of each,
// with one rationale and root cause. Each dispute goes through `decideDisputedOutcomes`, the
// single decision's use case with its locks and rules, one transaction per dispute, so credits
// stay exactly once when two reviewers bulk-decide overlapping disputes: the second finds the
// dispute resolved (or its outcomes decided) and that dispute is reported as skipped, with who
// decided it.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { type BulkResult, describeBulkResults } from "@/domain/disputes/bulk-decision";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { checkDecisionFields, DecisionFields, decideDisputedOutcomes } from "./decide-disputed-outcomes";
import { whyNotActionable } from "./internal/dispute-state";

export const BULK_LIMIT = 100;

export const DecideManyInput = z
  .strictObject({
    disputeIds: z
      .array(z.uuid("A dispute id is a UUID."))
      .min(1, "Select at least one dispute to decide.")
      .max(BULK_LIMIT, `Decide at most ${BULK_LIMIT} disputes at once.`),
    ...DecisionFields.shape,
  })
  .superRefine(checkDecisionFields);
export type DecideManyInput = z.input<typeof DecideManyInput>;

export async function decideDisputesInBulk({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor & { kind: "user" };
  input: DecideManyInput;
  now?: Date;
}) {
  const { disputeIds, ...decision } = DecideManyInput.parse(input);
  const results: BulkResult[] = [];
  for (const disputeId of [...new Set(disputeIds)]) {
    results.push(await decideOne(actor, disputeId, decision, now));
  }
  return { results, summary: describeBulkResults(results, "decided") };
}

async function decideOne(
  actor: Actor & { kind: "user" },
  disputeId: string,
  decision: z.output<typeof DecisionFields>,
  now: Date,
): Promise<BulkResult> {
  const dispute = await db().dispute.findUnique({ where: { id: disputeId }, select: { number: true } });
  if (!dispute) return { disputeId, number: "A dispute", done: false, why: "was not found" };
  const undecided = await db().disputedOutcome.findMany({
    where: { disputeId, state: "undecided" },
    select: { attemptId: true },
  });
  if (undecided.length === 0) {
    return { disputeId, number: dispute.number, done: false, why: await whyNotActionable(disputeId) };
  }
  try {
    const decided = await decideDisputedOutcomes({
      actor,
      input: { ...decision, disputeId, attemptIds: undecided.map((o) => o.attemptId) },
      now,
    });
    return {
      disputeId,
      number: dispute.number,
      done: true,
      outcomes: undecided.length,
      creditMinor: decided.creditMinor,
    };
  } catch (error) {
    if (!(error instanceof AppError) || !["CONFLICT", "VALIDATION_FAILED", "NOT_FOUND"].includes(error.code))
      throw error;
    // Someone decided it between our read and our lock: name them, as a single decision would.
    const why =
      error.code === "CONFLICT" ? await whyNotActionable(disputeId) : (error.fields[0]?.message ?? error.message);
    return { disputeId, number: dispute.number, done: false, why };
  }
}
