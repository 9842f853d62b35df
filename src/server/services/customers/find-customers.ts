// Reading customers within the actor's scope: another customer's id is simply not found.

import { customerScopeOf } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export async function listCustomers({ actor }: { actor: Actor }) {
  const scope = customerScopeOf(actor);
  return db().customer.findMany({
    where: scope.kind === "one" ? { id: scope.customerId } : {},
    orderBy: { name: "asc" },
    include: { _count: { select: { users: true } } },
  });
}

export async function getCustomer({ actor, customerId }: { actor: Actor; customerId: string }) {
  const scope = customerScopeOf(actor);
  if (scope.kind === "one" && scope.customerId !== customerId) throw AppError.notFound("The customer");
  const customer = await db().customer.findUnique({ where: { id: customerId } });
  if (!customer) throw AppError.notFound("The customer");
  return customer;
}
