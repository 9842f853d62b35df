// Helpers for invoicing tests: a customer billed for a past period, and reading invoices back.
import { inflateSync } from "node:zlib";
import { clock } from "@/server/clock";
import type { InvoiceExport } from "@/server/services/invoicing/exports/export-invoice";
import { listInvoices } from "@/server/services/invoicing/find-invoices";
import { makeContract, makeCustomer, makeDefinition, sendAttempts, testActor } from "../support/fixtures";

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
export function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString("latin1");
  const lines: string[] = [];
  // pdfkit writes "stream\n", the binary data, "\nendstream": an optional \r before the "\n"
  // would swallow the last byte of a compressed stream ending in 0x0D (1 in 256), and the
  // inflate would then fail.
  for (const match of raw.matchAll(/stream\n([\s\S]*?)\nendstream/g)) {
    const bytes = Buffer.from(match[1]!, "latin1");
    let content: string;
    try {
      content = inflateSync(bytes).toString("latin1");
    } catch {
      content = bytes.toString("latin1");
    }
    for (const tj of content.matchAll(/\[(.*?)\] TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join("");
      lines.push([...Buffer.from(hex, "hex")].map(winAnsiChar).join(""));
    }
  }
  return lines.join("\n");
}

/** Bytes 0x80–0x9F of WinAnsi (Windows-1252) are typographic characters, not Latin-1 controls. */
const WIN_ANSI_80 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

const winAnsiChar = (byte: number) =>
  byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_80[byte - 0x80]! : String.fromCharCode(byte);

/** An export's body, read whole. */
export async function bytesOf(body: InvoiceExport["body"]): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}
