// Reading credit notes within the actor's scope: another customer's note is not found.
import { canSeeCustomer, customerScopeOf, scopedToCustomer } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

const include = {
  lines: { orderBy: { id: "asc" } },
  invoice: {
    select: { id: true, number: true, currency: true, periodStart: true, customer: { select: { externalId: true } } },
  },
} as const;

export async function listCreditNotes({ actor, customerId }: { actor: Actor; customerId: string }) {
  if (!canSeeCustomer(customerScopeOf(actor), customerId)) throw AppError.notFound("The customer");
  return db().creditNote.findMany({ where: { customerId }, include, orderBy: { issuedAt: "desc" } });
}

export async function getCreditNoteById({ actor, creditNoteId }: { actor: Actor; creditNoteId: string }) {
  const note = await db().creditNote.findFirst({
    where: { id: creditNoteId, ...scopedToCustomer(customerScopeOf(actor)) },
    include,
  });
  if (!note) throw AppError.notFound("The credit note");
  return note;
}
