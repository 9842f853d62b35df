// Formatting for people. An instant of one customer's (its invoices, dashboard, outcomes,
// disputes) is shown in that customer's IANA zone, named (formatDateTimeIn); pages that span
// customers (the review queue, the audit log, settings) show UTC, named. Billing periods are
// UTC calendar months everywhere (formatDate).
import { currencyPrecision, formatMoney } from "@/domain/money-format";

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

// Instants in the customer's own time zone (an IANA name, a customer setting), with the zone
// named on every time. Intl with an explicit timeZone: never the server's or browser's zone.
const zonedFormats = new Map<string, { dateTime: Intl.DateTimeFormat; day: Intl.DateTimeFormat }>();

function zoned(timeZone: string) {
  let formats = zonedFormats.get(timeZone);
  if (!formats) {
    formats = {
      dateTime: new Intl.DateTimeFormat("en-US", {
        timeZone,
        year: "numeric",
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZoneName: "short",
      }),
      day: new Intl.DateTimeFormat("en-US", { timeZone, dateStyle: "medium" }),
    };
    zonedFormats.set(timeZone, formats);
  }
  return formats;
}

/** "Dec 8, 2026, 9:00 PM EST": an instant in `timeZone`, to the minute, the zone named. */
export function formatDateTimeIn(date: Date | string | null | undefined, timeZone: string): string {
  if (!date) return "—";
  // Newer ICU puts a narrow no-break space before AM/PM, which PDF standard fonts lack.
  return zoned(timeZone).dateTime.format(new Date(date)).replaceAll("\u202f", " ");
}

/** "Dec 8, 2026": the calendar day an instant falls on in `timeZone`. */
export function formatDayIn(date: Date | string | null | undefined, timeZone: string): string {
  if (!date) return "—";
  return zoned(timeZone).day.format(new Date(date));
}

/** The words naming a billing period's range: periods are calendar months in UTC (PRODUCT.md). */
export function formatServicePeriod(periodStart: Date, periodEnd: Date): string {
  const lastDay = new Date(periodEnd.getTime() - 86_400_000);
  return `${formatDate(periodStart)} – ${formatDate(lastDay)} (UTC calendar month)`;
}
