// Helpers for invoicing tests: a customer billed for a past period, and reading invoices back.
import { clock } from "@/server/clock";
import type { InvoiceExport } from "@/server/services/invoicing/exports/export-invoice";
import { listInvoices } from "@/server/services/invoicing/find-invoices";
import { makeContract, makeCustomer, makeDefinition, sendAttempts, testActor } from "../support/fixtures";

export { pdfText } from "../support/pdf-text";

export const monthsAgo = (n: number) => {
  const now = clock.now();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - n, 1));
};

export const DAY_MS = 86_400_000;

/** A customer on `terms` (`{definitionKey}` stands for the new definition's key) with attempts a day into `period`. */
export async function billedCustomer(
  terms: (definitionKey: string) => Parameters<typeof makeContract>[1],
  attempts: number,
  billable: number,
  period = monthsAgo(3),
) {
  const customer = await makeCustomer();
  const definition = await makeDefinition();
  await makeContract(customer.id, terms(definition.key));
  await sendAttempts(customer.externalId, definition.key, new Date(period.getTime() + DAY_MS), attempts, billable);
  return { customer, definition, period };
}

/** The id of the customer's invoice for a period (drafts get their row when invoices are listed). */
export async function invoiceIdFor(customerId: string, periodStart: Date): Promise<string> {
  const invoices = await listInvoices({ actor: testActor, customerId });
  const invoice = invoices.find((i) => i.periodStart.getTime() === periodStart.getTime());
  if (!invoice) throw new Error(`No invoice for ${periodStart.toISOString()}`);
  return invoice.id;
}

/**
 * The text a PDF shows, read from its content streams: pdfkit writes the standard fonts'
 * text as hex strings in TJ arrays, one array per line of text.
 */
/** An export's body, read whole. */
export async function bytesOf(body: InvoiceExport["body"]): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}
