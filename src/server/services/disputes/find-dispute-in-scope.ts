// A dispute the actor may see: provider staff see every dispute, a customer user only their
// own company's (another company's id is simply not found).
import { customerScopeOf, scopedToCustomer } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";

export async function findDisputeInScope(actor: Actor, disputeId: string, tx: Tx = db()) {
  const dispute = await tx.dispute.findFirst({
    where: { id: disputeId, ...scopedToCustomer(customerScopeOf(actor)) },
  });
  if (!dispute) throw AppError.notFound("The dispute");
  return dispute;
}
