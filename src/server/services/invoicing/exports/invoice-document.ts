// An invoice as the exports read it: the scoped use case's answer, finalized or live draft.
import type { getInvoiceById } from "../find-invoices";

export type InvoiceDocument = Awaited<ReturnType<typeof getInvoiceById>>;

/** `INV-2026-000123`, or for a draft `draft-globex-2026-11`: safe as a file name everywhere. */
export function documentName(invoice: InvoiceDocument): string {
  if (invoice.number) return invoice.number;
  const customer = invoice.customer.externalId.replace(/[^A-Za-z0-9._-]+/g, "-");
  return `draft-${customer}-${invoice.periodStart.toISOString().slice(0, 7)}`;
}

/** A spreadsheet would run a cell that starts like a formula: such text is kept as text. */
export function asText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
