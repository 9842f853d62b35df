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
import type { ApiHandler } from "./api-route";
import { parseInput, queryOf } from "./request";
import { json } from "./response";
import {
  InvoiceLinePathParams,
  InvoiceListQuery,
  InvoicePathParams,
  LineOutcomesQuery,
  toInvoiceDetail,
  toInvoiceSummary,
  toLineOutcomesPage,
} from "./schemas/invoices";

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

function fileResponse(file: InvoiceExport): Response {
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
