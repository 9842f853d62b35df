// REST v1 credit notes: the corrections of finalized invoices, per customer or one by id.
import { getCustomerByExternalId } from "@/server/services/customers/find-customers";
import { getCreditNoteById, listCreditNotes } from "@/server/services/invoicing/find-credit-notes";
import type { ApiHandler } from "./api-route";
import { parseInput, queryOf } from "./request";
import { json } from "./response";
import { CreditNoteListQuery, CreditNotePathParams, toCreditNote } from "./schemas/invoices";

export const getCreditNotes: ApiHandler<Record<string, never>> = async ({ actor, request }) => {
  const { customer: externalId } = parseInput(CreditNoteListQuery, queryOf(request));
  const customer = await getCustomerByExternalId({ actor, externalId });
  return json({ data: (await listCreditNotes({ actor, customerId: customer.id })).map(toCreditNote) });
};

export const getCreditNote: ApiHandler<{ id: string }> = async ({ actor, params }) => {
  const { id } = parseInput(CreditNotePathParams, params);
  return json(toCreditNote(await getCreditNoteById({ actor, creditNoteId: id })));
};
