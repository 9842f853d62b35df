// Assigning several disputes to one reviewer (or to nobody) at once: each through
// `assignDispute`, so each is audited and the assignee told as for one; resolved and withdrawn
// disputes are skipped (there is nothing left to work on).
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { type BulkResult, describeBulkResults } from "@/domain/disputes/bulk-decision";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { assignDispute } from "./assign-dispute";
import { BULK_LIMIT } from "./decide-disputes-in-bulk";
import { whyNotActionable } from "./internal/dispute-state";

export const AssignManyInput = z.strictObject({
  disputeIds: z
    .array(z.uuid("A dispute id is a UUID."))
    .min(1, "Select at least one dispute to assign.")
    .max(BULK_LIMIT, `Assign at most ${BULK_LIMIT} disputes at once.`),
  /** null: unassign. */
  assigneeId: z.uuid("Choose a reviewer.").nullable(),
});

export async function assignDisputesInBulk({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor & { kind: "user" };
  input: z.input<typeof AssignManyInput>;
  now?: Date;
}) {
  const { disputeIds, assigneeId } = AssignManyInput.parse(input);
  if (assigneeId) {
    const active = await db().user.count({
      where: { id: assigneeId, role: { in: ["admin", "reviewer"] }, disabledAt: null },
    });
    if (active === 0) {
      throw new AppError("VALIDATION_FAILED", "Disputes can be assigned to active reviewers and admins only.", [
        { path: "assigneeId", message: "Not an active reviewer." },
      ]);
    }
  }
  const results: BulkResult[] = [];
  for (const disputeId of [...new Set(disputeIds)]) {
    const dispute = await db().dispute.findUnique({ where: { id: disputeId }, select: { number: true, status: true } });
    if (!dispute) {
      results.push({ disputeId, number: "A dispute", done: false, why: "was not found" });
    } else if (dispute.status !== "open") {
      results.push({ disputeId, number: dispute.number, done: false, why: await whyNotActionable(disputeId) });
    } else {
      const { changed } = await assignDispute({ actor, input: { disputeId, assigneeId }, now }).catch((error) => {
        if (error instanceof AppError && error.code === "NOT_FOUND") return { changed: false };
        throw error;
      });
      results.push(
        changed
          ? { disputeId, number: dispute.number, done: true, outcomes: 0, creditMinor: 0n }
          : { disputeId, number: dispute.number, done: false, why: "was already assigned that way" },
      );
    }
  }
  return { results, summary: describeBulkResults(results, "assigned") };
}
