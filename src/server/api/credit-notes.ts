// REST v1 credit notes: the corrections of finalized invoices, per customer or one by id.
import type { Actor } from "@/domain/actor";
import { getCustomerByExternalId } from "@/server/services/customers/find-customers";
import { exportCreditNote } from "@/server/services/invoicing/exports/export-credit-note";
import { getCreditNoteById, listCreditNotes } from "@/server/services/invoicing/find-credit-notes";
import { issueManualCreditNote } from "@/server/services/invoicing/issue-credit-note";
import type { ApiHandler } from "./api-route";
import { fileResponse } from "./invoices";
import { parseInput, queryOf, readJsonBody } from "./request";
import { json } from "./response";
import { CreditNoteListQuery, CreditNotePathParams, CreditNoteRequest, toCreditNote } from "./schemas/invoices";

/** A credit note's body is its reason and at most 10,000 outcome ids. */
const MAX_CREDIT_NOTE_BODY_BYTES = 1_048_576;

export const getCreditNotes: ApiHandler<Record<string, never>> = async ({ actor, request }) => {
  const { customer: externalId } = parseInput(CreditNoteListQuery, queryOf(request));
  const customer = await getCustomerByExternalId({ actor, externalId });
  return json({ data: (await listCreditNotes({ actor, customerId: customer.id })).map(toCreditNote) });
};

export const getCreditNote: ApiHandler<{ id: string }> = async ({ actor, params }) => {
  const { id } = parseInput(CreditNotePathParams, params);
  return json(toCreditNote(await getCreditNoteById({ actor, creditNoteId: id })));
};

/** POST: issues a manual credit note, under the same rules as the admin's form (finalized invoices only, never above what remains uncredited). */
export const postCreditNote: ApiHandler<Record<string, never>> = async ({ actor, request }) => {
  const input = parseInput(CreditNoteRequest, await readJsonBody(request, MAX_CREDIT_NOTE_BODY_BYTES));
  const note = await issueManualCreditNote({ actor, input });
  return json(toCreditNote(await getCreditNoteById({ actor, creditNoteId: note.id })), 201, {
    location: `/api/v1/credit-notes/${note.id}`,
  });
};

/** GET …/{id}/pdf (REST) and the portal's …/credit-note.pdf: the credit note as an attachment. */
export const downloadCreditNote = async ({ actor, params }: { actor: Actor; params: { id: string } }) => {
  const { id } = parseInput(CreditNotePathParams, params);
  return fileResponse(await exportCreditNote({ actor, creditNoteId: id }));
};
