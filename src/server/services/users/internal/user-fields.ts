// Fields shared by the user use cases, validated the same way wherever they are entered.
import { z } from "zod";
import { isCustomerRole, ROLES } from "@/domain/roles";
import { text } from "@/server/input-rules";

export const NewPassword = text().min(10, "Use a password of at least 10 characters.").max(200);

export const RoleField = z.enum(ROLES, "Choose a role: admin, reviewer, finance or viewer.");
export const CustomerIdField = z.uuid("Choose the customer this person works for.").nullable().default(null);

/** Customer roles belong to a customer; provider staff to none. */
export function withRoleCustomerRules<T extends z.ZodType<{ role: (typeof ROLES)[number]; customerId: string | null }>>(
  schema: T,
) {
  return schema
    .refine((u) => !isCustomerRole(u.role) || u.customerId, {
      path: ["customerId"],
      message: "Finance and viewer users belong to a customer: choose one.",
    })
    .refine((u) => isCustomerRole(u.role) || !u.customerId, {
      path: ["customerId"],
      message: "Provider staff (admin, reviewer) do not belong to a customer.",
    });
}
