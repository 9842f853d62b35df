// Reading credit notes within the actor's scope: another customer's note is not found.
import { canSeeCustomer, customerScopeOf, scopedToCustomer } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { partiesAsIssued } from "./invoice-booking";

const include = {
  lines: { orderBy: { id: "asc" } },
  // A dispute's credit note links back to its dispute.
  disputeDecision: { select: { dispute: { select: { id: true, number: true } } } },
  invoice: {
    select: {
      id: true,
      number: true,
      currency: true,
      periodStart: true,
      seller: true,
      buyer: true,
      issuedTimeZone: true,
      customer: {
        select: { externalId: true, name: true, timezone: true, legalName: true, address: true, taxId: true },
      },
    },
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

/**
 * A credit note as a document (page and PDF): the note, and the parties it prints, which are
 * those of the invoice it corrects as that invoice was issued (later edits reach neither).
 */
export async function getCreditNoteDocument({ actor, creditNoteId }: { actor: Actor; creditNoteId: string }) {
  const note = await getCreditNoteById({ actor, creditNoteId });
  // Only a finalized invoice takes credit notes, and a CHECK gives every finalized invoice its parties.
  const parties = partiesAsIssued(note.invoice);
  if (!parties) throw new Error(`Invoice ${note.invoice.id} has no issued parties.`);
  return { ...note, ...parties };
}
