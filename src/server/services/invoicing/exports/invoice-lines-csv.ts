// The invoice lines as CSV: one row per line, then one per credit note, amounts as exact
// decimals in major units; an adjustment line (cap, minimum, credits, late items) leaves
// quantity and unit price empty.
import { stringify } from "csv-stringify/sync";
import { currencyPrecision, toMajorUnits } from "@/domain/money";
import { asText, type InvoiceDocument } from "./invoice-document";

export const LINES_CSV_HEADER = [
  "position",
  "kind",
  "description",
  "quantity",
  "unit_price",
  "amount",
  "currency",
  "source_period",
] as const;

export function invoiceLinesCsv(invoice: InvoiceDocument): string {
  const { currency } = invoice;
  const rows = invoice.lines.map((l) => [
    String(l.position),
    l.kind,
    asText(l.description),
    l.quantity ?? "",
    l.unitPrice ?? "",
    toMajorUnits(l.amountMinor, currency).toFixed(currencyPrecision(currency)),
    currency,
    l.sourcePeriodStart?.toISOString().slice(0, 7) ?? "",
  ]);
  // Credit notes follow the lines, so the amounts add up to the net due and the credits are the
  // dispute_credit and credit_note rows together, as on the invoice page.
  const notes = invoice.creditNotes.map((c) => [
    "",
    "credit_note",
    asText(`Credit note ${c.number}: ${c.reason}`),
    "1",
    toMajorUnits(-c.amountMinor, currency).toFixed(),
    toMajorUnits(-c.amountMinor, currency).toFixed(currencyPrecision(currency)),
    currency,
    "",
  ]);
  // Prepaid credits paid it like a payment: one row after the credit notes, so the amounts then
  // add up to what was left to pay after the wallet (the invoice page's "Paid from prepaid credits").
  const drawn = invoice.booking.walletDrawnMinor;
  const wallet =
    drawn > 0n
      ? [
          [
            "",
            "prepaid_credits",
            "Paid from prepaid credits",
            "",
            "",
            toMajorUnits(-drawn, currency).toFixed(currencyPrecision(currency)),
            currency,
            "",
          ],
        ]
      : [];
  return stringify([[...LINES_CSV_HEADER], ...rows, ...notes, ...wallet]);
}
