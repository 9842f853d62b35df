// An admin deactivates a user: they cannot sign in, and every session they hold ends at
// once. The last active admin cannot be deactivated. Deactivating twice changes nothing.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { assertAnotherActiveAdmin, lockUserAndAdmins } from "./internal/lock-admins";

export const DeactivateUserInput = z.object({ userId: z.uuid() });

export async function deactivateUser({ actor, input }: { actor: Actor; input: z.input<typeof DeactivateUserInput> }) {
  const { userId } = DeactivateUserInput.parse(input);
  return transaction(async (tx) => {
    const { activeAdmins } = await lockUserAndAdmins(tx, userId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    if (user.disabledAt) return { disabledAt: user.disabledAt };
    assertAnotherActiveAdmin(activeAdmins, user.id, "deactivate this account");
    const disabledAt = clock.now();
    await tx.user.update({ where: { id: user.id }, data: { disabledAt, sessionVersion: { increment: 1 } } });
    await appendAuditEntry(tx, {
      actor,
      action: "user.deactivated",
      subjectType: "user",
      subjectId: user.id,
      customerId: user.customerId,
      before: { disabledAt: null },
      after: { disabledAt: disabledAt.toISOString() },
    });
    return { disabledAt };
  });
}
