// Which customers' data an actor may see. Provider staff see every customer; a customer
// user sees only their own, whatever id the request carries. Use cases put the scope into
// their queries, so another customer's record is simply not found.
import type { Actor } from "../actor";
import { isCustomerRole } from "../roles";

export type CustomerScope = { kind: "all" } | { kind: "one"; customerId: string };

export function customerScopeOf(actor: Actor): CustomerScope {
  if (actor.kind === "user" && isCustomerRole(actor.role)) {
    if (!actor.customerId) throw new Error("A customer user must belong to a customer.");
    return { kind: "one", customerId: actor.customerId };
  }
  return { kind: "all" };
}

/** A `where` fragment limiting a customer-owned table to the scope. */
export function scopedToCustomer(scope: CustomerScope): { customerId?: string } {
  return scope.kind === "one" ? { customerId: scope.customerId } : {};
}

export function canSeeCustomer(scope: CustomerScope, customerId: string): boolean {
  return scope.kind === "all" || scope.customerId === customerId;
}

/**
 * Draft definition versions are the provider's work in progress: they bill nobody, so
 * customers read only the published rules (and retired ones, which billed their time).
 */
export function seesDraftDefinitions(actor: Actor): boolean {
  return customerScopeOf(actor).kind === "all";
}
