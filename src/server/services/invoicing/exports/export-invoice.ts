// An invoice as a file to download: PDF, its lines as CSV, or every outcome behind it as CSV.
// Reads through the scoped getInvoiceById, so another customer's invoice is not found.
import type { Actor } from "@/domain/actor";
import { getInvoiceById } from "../find-invoices";
import { documentName } from "./invoice-document";
import { invoiceLinesCsv } from "./invoice-lines-csv";
import { invoiceOutcomesCsv } from "./invoice-outcomes-csv";
import { renderInvoicePdf } from "./render-invoice-pdf";

export const INVOICE_EXPORT_FORMATS = ["pdf", "lines.csv", "outcomes.csv"] as const;
export type InvoiceExportFormat = (typeof INVOICE_EXPORT_FORMATS)[number];

export interface InvoiceExport {
  filename: string;
  contentType: string;
  body: Uint8Array<ArrayBuffer> | string | ReadableStream<Uint8Array>;
}

const CSV = "text/csv; charset=utf-8";

export async function exportInvoice({
  actor,
  invoiceId,
  format,
}: {
  actor: Actor;
  invoiceId: string;
  format: InvoiceExportFormat;
}): Promise<InvoiceExport> {
  const invoice = await getInvoiceById({ actor, invoiceId });
  const name = documentName(invoice);
  switch (format) {
    case "pdf": {
      const body = await renderInvoicePdf(invoice);
      return { filename: `${name}.pdf`, contentType: "application/pdf", body };
    }
    case "lines.csv":
      return { filename: `${name}-lines.csv`, contentType: CSV, body: invoiceLinesCsv(invoice) };
    case "outcomes.csv":
      return { filename: `${name}-outcomes.csv`, contentType: CSV, body: invoiceOutcomesCsv(invoice) };
  }
}
