import { z } from "zod";
import { clock } from "@/server/clock";
import { AppError } from "@/server/errors";
import { commitmentAt } from "@/server/services/contracts/get-commitment";
import { FinalizeInvoiceInput, finalizeInvoice } from "@/server/services/invoicing/finalize-invoice";
import { getCreditNoteDocument, listCreditNotes } from "@/server/services/invoicing/find-credit-notes";
import { getInvoiceById, listInvoices } from "@/server/services/invoicing/find-invoices";
import { issueManualCreditNote, ManualCreditNoteInput } from "@/server/services/invoicing/issue-credit-note";
import { LineOutcomesInput, listLineOutcomes } from "@/server/services/invoicing/list-line-outcomes";
import { RecordPaymentInput, recordInvoicePayment } from "@/server/services/invoicing/record-invoice-payment";
import {
  PurchaseOrderNumberInput,
  setPurchaseOrderNumber,
} from "@/server/services/invoicing/set-purchase-order-number";
import { VoidInvoiceInput, voidInvoice } from "@/server/services/invoicing/void-invoice";
import { adminProcedure, financeProcedure, portalProcedure, router } from "../init";

export const invoicesRouter = router({
  /** The invoices of the customer the portal shows, newest period first. */
  list: portalProcedure.query(({ ctx }) => listInvoices({ actor: ctx.actor, customerId: ctx.customerId })),
  byId: portalProcedure.input(z.object({ invoiceId: z.uuid() })).query(async ({ ctx, input }) => {
    const invoice = await getInvoiceById({ actor: ctx.actor, invoiceId: input.invoiceId });
    // The portal shows one customer at a time: another customer's invoice is not found here.
    if (invoice.customerId !== ctx.customerId) throw AppError.notFound("The invoice");
    return invoice;
  }),
  /** Where the commitment over several months stood at this invoice's period (null outside a term). */
  commitment: portalProcedure.input(z.object({ invoiceId: z.uuid() })).query(async ({ ctx, input }) => {
    const invoice = await getInvoiceById({ actor: ctx.actor, invoiceId: input.invoiceId });
    if (invoice.customerId !== ctx.customerId) throw AppError.notFound("The invoice");
    return commitmentAt(invoice.customerId, invoice.periodStart, clock.now());
  }),
  /** The credit notes of the customer the portal shows, newest first. */
  creditNotes: portalProcedure.query(({ ctx }) => listCreditNotes({ actor: ctx.actor, customerId: ctx.customerId })),
  creditNoteById: portalProcedure.input(z.object({ creditNoteId: z.uuid() })).query(async ({ ctx, input }) => {
    const note = await getCreditNoteDocument({ actor: ctx.actor, creditNoteId: input.creditNoteId });
    if (note.customerId !== ctx.customerId) throw AppError.notFound("The credit note");
    return note;
  }),
  /** One line's outcomes, a page at a time. */
  lineOutcomes: portalProcedure
    .input(LineOutcomesInput)
    .query(({ ctx, input }) => listLineOutcomes({ actor: ctx.actor, customerId: ctx.customerId, ...input })),
  finalize: adminProcedure
    .input(FinalizeInvoiceInput)
    .mutation(({ ctx, input }) => finalizeInvoice({ actor: ctx.actor, input })),
  issueCreditNote: adminProcedure
    .input(ManualCreditNoteInput)
    .mutation(({ ctx, input }) => issueManualCreditNote({ actor: ctx.actor, input })),
  recordPayment: adminProcedure
    .input(RecordPaymentInput)
    .mutation(({ ctx, input }) => recordInvoicePayment({ actor: ctx.actor, input })),
  void: adminProcedure.input(VoidInvoiceInput).mutation(({ ctx, input }) => voidInvoice({ actor: ctx.actor, input })),
  /** The customer's finance user writes their PO number on a draft. */
  setPoNumber: financeProcedure
    .input(PurchaseOrderNumberInput)
    .mutation(({ ctx, input }) => setPurchaseOrderNumber({ actor: ctx.actor, input })),
});
