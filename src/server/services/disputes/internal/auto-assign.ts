// Applies the provider's automatic assignment to a dispute being opened, in the opening's
// transaction: the settings row is locked so that two disputes opened at once take turns
// rather than both going to the same reviewer. Audited as the system's doing.
import { type AutoAssignmentMode, chooseAssignee } from "@/domain/disputes/auto-assignment";
import type { Tx } from "@/server/db";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { notifyProviderStaff } from "@/server/services/notifications/notify";

export async function autoAssign(tx: Tx, dispute: { id: string; number: string; customerId: string }) {
  const [settings] = await tx.$queryRaw<{ autoAssignment: AutoAssignmentMode; lastAutoAssigneeId: string | null }[]>`
    SELECT "autoAssignment", "lastAutoAssigneeId" FROM provider_settings WHERE "id" = 1 FOR UPDATE`;
  if (!settings || settings.autoAssignment === "off") return null;
  const [reviewers, customer] = await Promise.all([
    tx.user.findMany({ where: { role: "reviewer", disabledAt: null }, select: { id: true, name: true } }),
    tx.customer.findUniqueOrThrow({ where: { id: dispute.customerId }, select: { reviewerId: true } }),
  ]);
  const chosenId = chooseAssignee({
    mode: settings.autoAssignment,
    activeReviewerIds: reviewers.map((r) => r.id),
    lastChosenId: settings.lastAutoAssigneeId,
    customerReviewerId: customer.reviewerId,
  });
  const chosen = reviewers.find((r) => r.id === chosenId);
  if (!chosen) return null;
  await tx.dispute.update({ where: { id: dispute.id }, data: { assigneeId: chosen.id } });
  if (settings.autoAssignment === "round_robin") {
    await tx.providerSettings.update({ where: { id: 1 }, data: { lastAutoAssigneeId: chosen.id } });
  }
  await appendAuditEntry(tx, {
    actor: { kind: "system", job: "auto-assignment" },
    action: "dispute.assigned",
    subjectType: "dispute",
    subjectId: dispute.id,
    customerId: dispute.customerId,
    before: { assigneeId: null },
    after: { number: dispute.number, assigneeId: chosen.id, assignee: chosen.name, rule: settings.autoAssignment },
  });
  await notifyProviderStaff(
    tx,
    dispute.customerId,
    {
      kind: "dispute.assigned",
      title: `${dispute.number} was assigned to you`,
      body: "Assigned automatically when it was opened. Open it to see the claim beside the evidence.",
      link: `/review/${dispute.id}`,
    },
    { userIds: [chosen.id] },
  );
  return chosen;
}
