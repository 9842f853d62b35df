// The invoice lines as CSV: one row per line, amounts as exact decimals in major units; an
// adjustment line (cap, minimum, credits, late items) leaves quantity and unit price empty.
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
  return stringify([[...LINES_CSV_HEADER], ...rows]);
}
