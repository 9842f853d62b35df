// An admin sets how many business days the provider promises for deciding a dispute. Only
// disputes opened from now on get the new due time: an open dispute keeps the one it was
// promised when it was opened.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { transaction } from "@/server/db";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { DEFAULT_DISPUTE_SLA_BUSINESS_DAYS, DEFAULT_PROVIDER_NAME } from "./get-provider-settings";

export const UpdateDisputeServiceLevelInput = z.strictObject({
  businessDays: z.coerce
    .number("Give the service level as a whole number of business days.")
    .int("Give the service level as a whole number of business days.")
    .min(1, "The service level is at least 1 business day.")
    .max(30, "The service level is at most 30 business days."),
});
export type UpdateDisputeServiceLevelInput = z.input<typeof UpdateDisputeServiceLevelInput>;

export async function updateDisputeServiceLevel({
  actor,
  input,
}: {
  actor: Actor;
  input: UpdateDisputeServiceLevelInput;
}) {
  const { businessDays } = UpdateDisputeServiceLevelInput.parse(input);
  return transaction(async (tx) => {
    // Locks the row (when there is one) so two admins saving at once record both changes in order.
    const [before] = await tx.$queryRaw<{ disputeSlaBusinessDays: number }[]>`
      SELECT "disputeSlaBusinessDays" FROM provider_settings WHERE "id" = 1 FOR UPDATE`;
    const previous = before?.disputeSlaBusinessDays ?? DEFAULT_DISPUTE_SLA_BUSINESS_DAYS;
    const settings = await tx.providerSettings.upsert({
      where: { id: 1 },
      create: { id: 1, name: DEFAULT_PROVIDER_NAME, disputeSlaBusinessDays: businessDays },
      update: { disputeSlaBusinessDays: businessDays },
      select: { disputeSlaBusinessDays: true },
    });
    if (before && previous === businessDays) return { businessDays, changed: false };
    await appendAuditEntry(tx, {
      actor,
      action: "provider.dispute_service_level_changed",
      subjectType: "provider",
      subjectId: "1",
      customerId: null,
      before: { disputeSlaBusinessDays: previous },
      after: { disputeSlaBusinessDays: settings.disputeSlaBusinessDays },
    });
    return { businessDays: settings.disputeSlaBusinessDays, changed: true };
  });
}
