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

export async function getCustomerByExternalId({ actor, externalId }: { actor: Actor; externalId: string }) {
  const scope = customerScopeOf(actor);
  const customer = await db().customer.findUnique({ where: { externalId } });
  if (!customer || (scope.kind === "one" && scope.customerId !== customer.id)) throw AppError.notFound("The customer");
  return customer;
}

/** One page of customers in external-id order, keyset-paged: `after` is the last external id of the previous page. */
export async function pageCustomers({ actor, after, limit }: { actor: Actor; after?: string; limit: number }) {
  const scope = customerScopeOf(actor);
  const rows = await db().customer.findMany({
    where: { ...(scope.kind === "one" && { id: scope.customerId }), ...(after && { externalId: { gt: after } }) },
    orderBy: { externalId: "asc" },
    take: limit + 1,
  });
  const customers = rows.slice(0, limit);
  return { customers, nextAfter: rows.length > limit ? (customers.at(-1)?.externalId ?? null) : null };
}
