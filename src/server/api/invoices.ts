// REST v1 invoices: the provider's back office lists and reads invoices, drills from a line
// to its outcomes and downloads the files. The download handlers also serve the portal's
// session routes (session-route.ts): the same scoped use case behind both.
import type { Actor } from "@/domain/actor";
import { getCustomerByExternalId } from "@/server/services/customers/find-customers";
import {
  exportInvoice,
  type InvoiceExport,
  type InvoiceExportFormat,
} from "@/server/services/invoicing/exports/export-invoice";
import { getInvoiceById, listInvoices } from "@/server/services/invoicing/find-invoices";
import { listLineOutcomes } from "@/server/services/invoicing/list-line-outcomes";
import { recordInvoicePayment } from "@/server/services/invoicing/record-invoice-payment";
import type { ApiHandler } from "./api-route";
import { parseInput, queryOf, readJsonBody } from "./request";
import { json } from "./response";
import { type PaymentRecorded, PaymentRequest, toInvoicePayment } from "./schemas/invoice-booking";
import {
  InvoiceLinePathParams,
  InvoiceListQuery,
  InvoicePathParams,
  LineOutcomesQuery,
  toInvoiceDetail,
  toInvoiceSummary,
  toLineOutcomesPage,
} from "./schemas/invoices";
import { money } from "./schemas/money";

/** A payment is a few dozen bytes; the limit is the one of every small body. */
const MAX_PAYMENT_BODY_BYTES = 1_048_576;

type InvoicePath = { id: string };

export const getInvoices: ApiHandler<Record<string, never>> = async ({ actor, request }) => {
  const { customer: externalId } = parseInput(InvoiceListQuery, queryOf(request));
  const customer = await getCustomerByExternalId({ actor, externalId });
  const invoices = await listInvoices({ actor, customerId: customer.id });
  return json({ data: invoices.map((i) => toInvoiceSummary(i, externalId)) });
};

export const getInvoice: ApiHandler<InvoicePath> = async ({ actor, params }) => {
  const { id } = parseInput(InvoicePathParams, params);
  return json(toInvoiceDetail(await getInvoiceById({ actor, invoiceId: id })));
};

/** POST …/{id}/payments: records money received; answers the payment and the invoice's new status. */
export const postPayment: ApiHandler<InvoicePath> = async ({ actor, request, params }) => {
  // The body is read first, so an oversized one is a 413 whatever else is wrong.
  const data = await readJsonBody(request, MAX_PAYMENT_BODY_BYTES);
  const { id } = parseInput(InvoicePathParams, params);
  const body = parseInput(PaymentRequest, data);
  const { payment } = await recordInvoicePayment({ actor, input: { ...body, invoiceId: id } });
  const invoice = await getInvoiceById({ actor, invoiceId: id });
  const { currency, booking } = invoice;
  return json(
    {
      payment: toInvoicePayment(payment, currency),
      paymentStatus: booking.paymentStatus!,
      paid: money(booking.paidMinor, currency),
      outstanding: money(booking.outstandingMinor, currency),
    } satisfies typeof PaymentRecorded._output,
    201,
    { location: `/api/v1/invoices/${id}` },
  );
};

export const getLineOutcomes: ApiHandler<{ id: string; position: string }> = async ({ actor, request, params }) => {
  const { id, position } = parseInput(InvoiceLinePathParams, params);
  const query = parseInput(LineOutcomesQuery, queryOf(request));
  return json(toLineOutcomesPage(await listLineOutcomes({ actor, invoiceId: id, position, ...query })));
};

/** GET …/{id}/pdf, …/lines.csv, …/outcomes.csv: the file as an attachment, named after the invoice. */
export function downloadInvoice(format: InvoiceExportFormat) {
  return async ({ actor, params }: { actor: Actor; params: InvoicePath }): Promise<Response> => {
    const { id } = parseInput(InvoicePathParams, params);
    return fileResponse(await exportInvoice({ actor, invoiceId: id, format }));
  };
}

export function fileResponse(file: InvoiceExport): Response {
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      // Invoices are private and drafts change: no shared or stale copies.
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
