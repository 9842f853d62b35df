// Reading user accounts within the actor's scope. Password hashes never leave this module.

import { customerScopeOf, scopedToCustomer } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

const publicFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  customerId: true,
  lastSignInAt: true,
  disabledAt: true,
  customer: { select: { name: true } },
} as const;

export async function listUsers({ actor }: { actor: Actor }) {
  return db().user.findMany({
    where: scopedToCustomer(customerScopeOf(actor)),
    select: publicFields,
    orderBy: [{ role: "asc" }, { email: "asc" }],
  });
}

export async function getUser({ actor, userId }: { actor: Actor; userId: string }) {
  const user = await db().user.findFirst({
    where: { id: userId, ...scopedToCustomer(customerScopeOf(actor)) },
    select: publicFields,
  });
  if (!user) throw AppError.notFound("The user");
  return user;
}
