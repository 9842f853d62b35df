// A credit note as a PDF to download. Reads through the scoped getCreditNoteById, so another
// customer's credit note is not found.
import type { Actor } from "@/domain/actor";
import { getCreditNoteDocument } from "../find-credit-notes";
import type { InvoiceExport } from "./export-invoice";
import { renderCreditNotePdf } from "./render-credit-note-pdf";

export async function exportCreditNote({
  actor,
  creditNoteId,
}: {
  actor: Actor;
  creditNoteId: string;
}): Promise<InvoiceExport> {
  const note = await getCreditNoteDocument({ actor, creditNoteId });
  return { filename: `${note.number}.pdf`, contentType: "application/pdf", body: await renderCreditNotePdf(note) };
}
