// Money for people, without the decimal library: the browser formats amounts too, and an exact
// integer-to-decimal-string step needs no arbitrary-precision arithmetic (bundle size).
import { ISO_4217_MINOR_UNITS, isIso4217Currency } from "./iso-4217";

/** Minor units of a currency (ISO 4217): 2 for USD and HUF, 0 for JPY, 3 for IQD, 4 for CLF. */
export function currencyPrecision(currency: string): number {
  // A code outside the table would be rated at a guessed precision: refuse it loudly instead.
  if (!isIso4217Currency(currency)) throw new RangeError(`${currency} is not an ISO 4217 currency code`);
  return ISO_4217_MINOR_UNITS[currency]!;
}

/** Minor units as an exact decimal string in major units: 12345n, 2 digits → "123.45"; −5n → "-0.05". */
export function minorToDecimalString(minor: bigint, digits: number): string {
  const sign = minor < 0n ? "-" : "";
  const magnitude = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, "0");
  if (digits === 0) return `${sign}${magnitude}`;
  return `${sign}${magnitude.slice(0, -digits)}.${magnitude.slice(-digits)}`;
}

export function formatMoney(minor: bigint, currency: string, locale = "en-US"): string {
  const digits = currencyPrecision(currency);
  // Intl gives the symbol; the digits are ISO's. Intl takes a decimal string exactly (no float).
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(minorToDecimalString(minor, digits) as unknown as number);
}
