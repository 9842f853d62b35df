// An admin chooses how new disputes are assigned (off, round robin, by customer) and, for "by
// customer", which reviewer each customer's disputes go to. Audited, like every setting.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { AUTO_ASSIGNMENT_MODES } from "@/domain/disputes/auto-assignment";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { DEFAULT_PROVIDER_NAME } from "./get-provider-settings";

export const UpdateAutoAssignmentInput = z.strictObject({
  mode: z.enum(AUTO_ASSIGNMENT_MODES, "Choose off, round robin or by customer."),
  /** The reviewer per customer (null: none), for "by customer". Customers not listed keep theirs. */
  customerReviewers: z
    .array(z.strictObject({ customerId: z.uuid("A customer id is a UUID."), reviewerId: z.uuid().nullable() }))
    .max(10_000)
    .default([]),
});

export async function updateAutoAssignment({
  actor,
  input,
}: {
  actor: Actor;
  input: z.input<typeof UpdateAutoAssignmentInput>;
}) {
  const { mode, customerReviewers } = UpdateAutoAssignmentInput.parse(input);
  return transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ autoAssignment: string }[]>`
      SELECT "autoAssignment" FROM provider_settings WHERE "id" = 1 FOR UPDATE`;
    const reviewerIds = [...new Set(customerReviewers.flatMap((c) => (c.reviewerId ? [c.reviewerId] : [])))];
    const active = await tx.user.count({ where: { id: { in: reviewerIds }, role: "reviewer", disabledAt: null } });
    if (active !== reviewerIds.length) {
      throw new AppError("VALIDATION_FAILED", "A customer can be mapped to an active reviewer only.", [
        { path: "customerReviewers", message: "Choose an active reviewer." },
      ]);
    }
    const customerIds = [...new Set(customerReviewers.map((c) => c.customerId))];
    if ((await tx.customer.count({ where: { id: { in: customerIds } } })) !== customerIds.length) {
      throw new AppError("VALIDATION_FAILED", "Some of these customers do not exist.", [
        { path: "customerReviewers", message: "Choose existing customers." },
      ]);
    }
    await tx.providerSettings.upsert({
      where: { id: 1 },
      create: { id: 1, name: DEFAULT_PROVIDER_NAME, autoAssignment: mode },
      update: { autoAssignment: mode },
    });
    for (const { customerId, reviewerId } of customerReviewers) {
      await tx.customer.update({ where: { id: customerId }, data: { reviewerId } });
    }
    await appendAuditEntry(tx, {
      actor,
      action: "provider.auto_assignment_changed",
      subjectType: "provider",
      subjectId: "1",
      customerId: null,
      before: { autoAssignment: before?.autoAssignment ?? "off" },
      after: { autoAssignment: mode, customerReviewers },
    });
    return { mode };
  });
}
