// The invoicing operations of REST v1 (invoices, credit notes, contracts) for the OpenAPI
// document that openapi.ts assembles: the same pattern, kept apart so each file stays short.
import { ContractTermsInput } from "@/server/services/contracts/contract-schema";
import type { OperationSpec } from "./openapi-document";
import { INVOICE_EXAMPLES as EX } from "./openapi-invoice-examples";
import { CommitmentStanding, ContractBody, ContractVersions } from "./schemas/contracts";
import { CustomerPathParams } from "./schemas/customers";
import { InvoicePayment, PaymentRecorded, PaymentRequest } from "./schemas/invoice-booking";
import {
  CreditNoteBody,
  CreditNoteList,
  CreditNoteListQuery,
  CreditNotePathParams,
  CreditNoteRequest,
  CreditNoteSummary,
  InvoiceDetail,
  InvoiceLineBody,
  InvoiceLinePathParams,
  InvoiceList,
  InvoiceListQuery,
  InvoicePathParams,
  InvoiceSummary,
  LineOutcome,
  LineOutcomesPage,
  LineOutcomesQuery,
} from "./schemas/invoices";

export const INVOICE_REQUEST_SCHEMAS = { ContractTermsInput, PaymentRequest, CreditNoteRequest };
export const INVOICE_RESPONSE_SCHEMAS = {
  InvoiceList,
  InvoiceSummary,
  InvoiceDetail,
  InvoiceLineBody,
  LineOutcomesPage,
  LineOutcome,
  CreditNoteList,
  CreditNoteBody,
  CreditNoteSummary,
  InvoicePayment,
  PaymentRecorded,
  ContractVersions,
  ContractBody,
  CommitmentStanding,
};

const invoiceParams = { schema: InvoicePathParams, example: { id: EX.invoiceId } };
const CSV = "text/csv; charset=utf-8";

const download = (
  path: string,
  operationId: string,
  summary: string,
  description: string,
  file: { mediaType: string; filename: string },
): OperationSpec => ({
  method: "get",
  path: `/api/v1/invoices/{id}/${path}`,
  operationId,
  tag: "Invoices",
  summary,
  description: `${description}

Sent as an attachment named after the invoice: \`INV-2026-000123…\`, or \`draft-<customer>-<YYYY-MM>…\` for a draft, which is computed as it stands now. Signed-in portal users download the same files from \`/api/portal/invoices/{id}/…\`.`,
  params: invoiceParams,
  responses: { 200: { description: `The file (\`${file.mediaType}\`).`, file } },
  errors: ["VALIDATION_FAILED", "NOT_FOUND"],
});

export const INVOICE_OPERATIONS: OperationSpec[] = [
  {
    method: "get",
    path: "/api/v1/invoices",
    operationId: "listInvoices",
    tag: "Invoices",
    summary: "List a customer's invoices",
    description:
      "Every invoice of the customer, newest period first: one per month from its first contract to the current one. A `draft` is computed live from the outcomes received so far; a `finalized` invoice has its number and never changes (credit notes correct it).",
    query: InvoiceListQuery,
    responses: { 200: { description: "The customer's invoices.", schema: InvoiceList, example: EX.invoiceList } },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/api/v1/invoices/{id}",
    operationId: "getInvoice",
    tag: "Invoices",
    summary: "Get an invoice with its lines",
    description:
      "One invoice with every line (each rounded once, half-even), its credit notes and the net due. A line that counts outcomes links to them in `outcomes`.",
    params: invoiceParams,
    responses: { 200: { description: "The invoice.", schema: InvoiceDetail, example: EX.invoice } },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/api/v1/invoices/{id}/lines/{position}/outcomes",
    operationId: "listLineOutcomes",
    tag: "Invoices",
    summary: "List the outcomes behind an invoice line",
    description: `The exact attempts a line counted, oldest \`occurredAt\` first: for an \`attempts\` line every attempt of its definition in the period; for an \`outcomes\` line the billable ones, and for a graduated tier's line only those whose rank among the period's billable outcomes falls in the tier; for \`late_items\` the attempts of its source period billed late on this invoice. A finalized invoice lists what was billed on it, as it was billed (\`billedAs\`), whatever changed since.

Lines that are not counts of outcomes (platform fee, cap adjustment, minimum true-up) answer \`traced: false\` with a \`note\`. Paged by keyset: pass \`nextCursor\` as \`cursor\`.`,
    params: { schema: InvoiceLinePathParams, example: { id: EX.invoiceId, position: "2" } },
    query: LineOutcomesQuery,
    responses: {
      200: { description: "One page of the line's outcomes.", schema: LineOutcomesPage, example: EX.lineOutcomes },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
  {
    method: "post",
    path: "/api/v1/invoices/{id}/payments",
    operationId: "recordInvoicePayment",
    tag: "Invoices",
    summary: "Record a payment received",
    description: `Records money received against a finalized invoice: \`amount\` in the invoice's currency (at most its own decimals) and \`paidOn\`, the day it arrived (not in the future). Partial payments add up; the invoice is \`paid\` once they cover the net due (total less credit notes). A payment above what is outstanding is refused (400 naming \`amount\`), so a resent request cannot record money twice once the invoice is paid. Audited.

409 for a draft (not a bill yet) or a void invoice. Bodies are limited to 1 MB.`,
    params: invoiceParams,
    body: { schema: PaymentRequest, example: EX.payment },
    responses: {
      201: {
        description: "Recorded: the payment and the invoice's payment status after it.",
        schema: PaymentRecorded,
        example: EX.paymentRecorded,
        headers: {
          Location: {
            description: "The invoice.",
            schema: { type: "string", example: `/api/v1/invoices/${EX.invoiceId}` },
          },
        },
      },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE"],
  },
  download("pdf", "getInvoicePdf", "Download an invoice as PDF", "The invoice as a PDF, ready to file or forward.", {
    mediaType: "application/pdf",
    filename: "INV-2026-000123.pdf",
  }),
  download(
    "lines.csv",
    "getInvoiceLinesCsv",
    "Download an invoice's lines as CSV",
    "One row per line, with the header `position,kind,description,quantity,unit_price,amount,currency,source_period`. Amounts are exact decimals in major units.",
    { mediaType: CSV, filename: "INV-2026-000123-lines.csv" },
  ),
  download(
    "outcomes.csv",
    "getInvoiceOutcomesCsv",
    "Download every outcome behind an invoice as CSV",
    "One row per attempt billed on the invoice, with the header `attempt_id,subject,definition,version,occurred_at,status,billed_as,line`: `line` names the positions of the lines it counts on, separated by `;`. Streamed, so it starts at once however many outcomes there are.",
    { mediaType: CSV, filename: "INV-2026-000123-outcomes.csv" },
  ),
  {
    method: "get",
    path: "/api/v1/credit-notes",
    operationId: "listCreditNotes",
    tag: "Credit notes",
    summary: "List a customer's credit notes",
    description: "Every credit note issued to the customer, newest first, with the invoice it corrects.",
    query: CreditNoteListQuery,
    responses: {
      200: { description: "The customer's credit notes.", schema: CreditNoteList, example: { data: [EX.creditNote] } },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
  {
    method: "post",
    path: "/api/v1/credit-notes",
    operationId: "issueCreditNote",
    tag: "Credit notes",
    summary: "Issue a manual credit note",
    description: `Credits a finalized invoice by \`amount\` (in its currency) with a \`reason\` the customer reads on the credit note, under the same rules as the admin's form: never above what remains uncredited on the invoice (400 naming \`amount\`), only on a finalized invoice (409 for a draft, which changes by itself). \`attemptIds\` may name the credited outcomes of the customer. Numbered without gaps (CN-2026-000012), audited, announced by the \`credit_note.issued\` webhook.

Not idempotent: REST v1 has no Idempotency-Key; the uncredited limit bounds what a repeated request can credit. Bodies are limited to 1 MB.`,
    body: { schema: CreditNoteRequest, example: EX.creditNoteRequest },
    responses: {
      201: {
        description: "Issued.",
        schema: CreditNoteBody,
        example: EX.creditNote,
        headers: {
          Location: {
            description: "The credit note.",
            schema: { type: "string", example: `/api/v1/credit-notes/${EX.creditNote.id}` },
          },
        },
      },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE"],
  },
  {
    method: "get",
    path: "/api/v1/credit-notes/{id}",
    operationId: "getCreditNote",
    tag: "Credit notes",
    summary: "Get a credit note",
    description: "One credit note with its lines; a line names the outcome it credits when it credits one.",
    params: { schema: CreditNotePathParams, example: { id: EX.creditNote.id } },
    responses: { 200: { description: "The credit note.", schema: CreditNoteBody, example: EX.creditNote } },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/api/v1/credit-notes/{id}/pdf",
    operationId: "getCreditNotePdf",
    tag: "Credit notes",
    summary: "Download a credit note as PDF",
    description:
      "The credit note as a PDF with both parties' legal details, the invoice it corrects, its lines and the amount credited; times in the customer's time zone. Sent as an attachment named after it (`CN-2026-000012.pdf`). Signed-in portal users download it from `/api/portal/credit-notes/{id}/credit-note.pdf`.",
    params: { schema: CreditNotePathParams, example: { id: EX.creditNote.id } },
    responses: {
      200: {
        description: "The file (`application/pdf`).",
        file: { mediaType: "application/pdf", filename: "CN-2026-000007.pdf" },
      },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
  {
    method: "post",
    path: "/api/v1/customers/{externalId}/contracts",
    operationId: "createContractVersion",
    tag: "Contracts",
    summary: "Create a contract version",
    description: `The customer's next contract version, in force from \`effectiveFrom\`: the start of a UTC day (00:00 UTC) after the last finalized period; a version starting after the 1st shares that month with the version before it, each pricing the outcomes of its own days with its per-period amounts prorated by the day (its lines say which version and how many days). Prices are decimal strings in the customer's currency. Tiers have cumulative, inclusive upper bounds and the last is open-ended (its price applies to every outcome above the tier before it; a bounded last tier is refused). \`tierMode\` \`graduated\` (the default) prices each outcome at the tier its rank in the period falls in (the first 1,000 at one price, the next ones at the next); \`volume\` prices every outcome of the period at the tier the period's total reaches. A tier's optional \`flatFee\` is charged once when the period's count enters it (volume: the reached tier's only), as its own \`tier_flat_fee\` line. A \`package\` prices blocks of \`size\` outcomes at \`price\`, a partial block rounded \`up\`, \`down\` or \`prorated\` (prorated only when price ÷ size is an exact decimal of at most 10 places), in place of tiers. \`freeUnits\`: the first N outcomes of each period cost 0 (tier bounds still count them). \`minimum\` and \`maximum\` bound one definition's outcome charges per period (\`price_minimum\`, \`price_maximum\` lines), before the contract's monthly cap; a minimum applies even in a period without usage. \`discounts\`: each a \`percent\` (more than 0, at most 100) or a \`fixed\` amount off one definition's outcome charges (\`definitionKey\`; after its price's minimum and maximum, before the monthly cap, as a \`price_discount\` line) or off the whole invoice (\`definitionKey\` null; platform fee and usage after the cap and the minimum true-up, as an \`invoice_discount\` line), in the order given, each off what the ones before it left and never below zero; it lasts \`periods\` billing periods from \`effectiveFrom\`, or applies to periods starting before \`until\` (YYYY-MM-DD, UTC), or while the version is in force. \`graceDays\` must cover the longest observation window. The change is audited.

A 400 names every invalid field, e.g. \`outcomePrices.0.tiers.1.upTo\`. 409 when a version already starts that month. Bodies are limited to 1 MB.`,
    params: { schema: CustomerPathParams, example: { externalId: "globex" } },
    body: { schema: ContractTermsInput, example: EX.contractTerms },
    responses: {
      201: {
        description: "Created.",
        schema: ContractBody,
        example: EX.contract,
        headers: {
          Location: {
            description: "The customer's contract.",
            schema: { type: "string", example: "/api/v1/customers/globex/contract" },
          },
        },
      },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE"],
  },
  {
    method: "get",
    path: "/api/v1/customers/{externalId}/contract",
    operationId: "getContract",
    tag: "Contracts",
    summary: "Get a customer's contract",
    description: "The contract version in force now, and every version, newest first.",
    params: { schema: CustomerPathParams, example: { externalId: "globex" } },
    responses: {
      200: {
        description: "The contract versions.",
        schema: ContractVersions,
        example: EX.contractVersions,
      },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/api/v1/customers/{externalId}/commitment",
    operationId: "getCommitment",
    tag: "Contracts",
    summary: "Get where a commitment over several periods stands",
    description:
      "The commitment of the contract in force (an amount over N billing periods): committed, consumed so far (the term's finalized invoices and the current draft), remaining, months left and the shortfall if the pace holds. The term's last invoice carries any shortfall as a `commitment_true_up` line.",
    params: { schema: CustomerPathParams, example: { externalId: "globex" } },
    responses: {
      200: {
        description: "The commitment's standing; null without one.",
        schema: CommitmentStanding,
        example: EX.commitment,
      },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
];
