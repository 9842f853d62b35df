// Formatting for people. Dates are shown in UTC with the zone named, so that a finance
// team in two offices reads the same time.
import { currencyPrecision, formatMoney } from "@/domain/money";

const dateTime = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

export function formatDateTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return `${dateTime.format(new Date(date))} UTC`;
}

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

/** A calendar day in UTC, e.g. "Nov 1, 2026": billing periods and effective dates are whole UTC days. */
export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return day.format(new Date(date));
}

/** An exact decimal string ("1234.5") for people, without passing through a float. */
export function formatQuantity(quantity: string): string {
  // Intl reads a numeric string exactly; the cast only satisfies the type declarations.
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 10 }).format(quantity as unknown as number);
}

/** How a line's amount comes about: "37 × $0.99 = $36.63", or the amount alone for an adjustment line. */
export function formatLineAmount(
  line: { quantity: string | null; unitPrice: string | null; amountMinor: bigint },
  currency: string,
): string {
  const amount = formatMoney(line.amountMinor, currency);
  if (line.quantity === null || line.unitPrice === null) return amount;
  return `${formatQuantity(line.quantity)} × ${formatUnitPrice(line.unitPrice, currency)} = ${amount}`;
}

/** A unit price (exact decimal in major units, up to 10 decimals), with at least the currency's own precision. */
export function formatUnitPrice(unitPrice: string, currency: string): string {
  const digits = currencyPrecision(currency);
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: 10,
  }).format(unitPrice as unknown as number);
}
