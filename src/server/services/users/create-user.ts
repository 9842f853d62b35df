// Creates a user account. Customer roles must name their customer; provider roles must not.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { hashPassword } from "@/server/auth/passwords";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { assertExistingCustomer } from "./internal/existing-customer";
import { CustomerIdField, NewPassword, RoleField, withRoleCustomerRules } from "./internal/user-fields";

export const CreateUserInput = withRoleCustomerRules(
  z.object({
    email: z.email("Enter a valid e-mail address.").transform((e) => e.trim().toLowerCase()),
    name: text().trim().min(1, "Give the person's name.").max(200),
    role: RoleField,
    customerId: CustomerIdField,
    password: NewPassword,
  }),
);

export async function createUser({ actor, input }: { actor: Actor; input: z.input<typeof CreateUserInput> }) {
  const fields = CreateUserInput.parse(input);
  const passwordHash = await hashPassword(fields.password);
  return transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: fields.email } })) {
      throw new AppError("CONFLICT", "A user with this e-mail address already exists.", [
        { path: "email", message: "Already in use." },
      ]);
    }
    await assertExistingCustomer(tx, fields.customerId);
    const user = await tx.user.create({
      data: { email: fields.email, name: fields.name, role: fields.role, customerId: fields.customerId, passwordHash },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "user.created",
      subjectType: "user",
      subjectId: user.id,
      customerId: user.customerId,
      after: { email: user.email, name: user.name, role: user.role, customerId: user.customerId },
    });
    return user;
  });
}
