// An admin changes a user's role (and with it the customer they belong to). The user's
// sessions end, so the new role applies from their next sign-in and no token carries the
// old one; the last active admin cannot be demoted.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { transaction } from "@/server/db";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { assertExistingCustomer } from "./internal/existing-customer";
import { assertAnotherActiveAdmin, lockUserAndAdmins } from "./internal/lock-admins";
import { CustomerIdField, RoleField, withRoleCustomerRules } from "./internal/user-fields";

export const ChangeUserRoleInput = withRoleCustomerRules(
  z.object({ userId: z.uuid(), role: RoleField, customerId: CustomerIdField }),
);

export async function changeUserRole({ actor, input }: { actor: Actor; input: z.input<typeof ChangeUserRoleInput> }) {
  const fields = ChangeUserRoleInput.parse(input);
  return transaction(async (tx) => {
    const { activeAdmins } = await lockUserAndAdmins(tx, fields.userId);
    const user = await tx.user.findUniqueOrThrow({ where: { id: fields.userId } });
    const before = { role: user.role, customerId: user.customerId };
    if (before.role === fields.role && before.customerId === fields.customerId) return before;
    if (fields.role !== "admin") assertAnotherActiveAdmin(activeAdmins, user.id, "change this role");
    await assertExistingCustomer(tx, fields.customerId);
    const after = { role: fields.role, customerId: fields.customerId };
    await tx.user.update({ where: { id: user.id }, data: { ...after, sessionVersion: { increment: 1 } } });
    await appendAuditEntry(tx, {
      actor,
      action: "user.role_changed",
      subjectType: "user",
      subjectId: user.id,
      customerId: after.customerId ?? before.customerId,
      before,
      after,
    });
    return after;
  });
}
