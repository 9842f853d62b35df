// The one money type: amounts in integer minor units (BigInt) with their currency; unit
// prices and quantities as exact decimals; one rounding, half-even, to the currency's own
// precision (ISO 4217 minor units, from the product's own table, not the runtime's ICU).
// Never floating point.
import Decimal from "decimal.js";
import { currencyPrecision } from "./money-format";

export { currencyPrecision, formatMoney } from "./money-format";

/** Exact decimals with room for a million outcomes times a 10-decimal price. */
export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
export type Dec = InstanceType<typeof Dec>;

/** Rounds an amount in major units (e.g. 12.345 USD) half-even to minor units (1234n cents). */
export function toMinorUnits(amount: Dec | string, currency: string): bigint {
  const digits = currencyPrecision(currency);
  const minor = new Dec(amount).times(new Dec(10).pow(digits)).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN);
  return BigInt(minor.toFixed(0));
}

/** Minor units back to an exact decimal in major units (no rounding happens). */
export function toMajorUnits(minor: bigint, currency: string): Dec {
  return new Dec(minor.toString()).dividedBy(new Dec(10).pow(currencyPrecision(currency)));
}

/** quantity × unit price, rounded once, half-even, to the currency's minor units. */
export function lineAmount(quantity: Dec | string | number, unitPrice: Dec | string, currency: string): bigint {
  return toMinorUnits(new Dec(quantity).times(unitPrice), currency);
}

export const sumMinor = (amounts: readonly bigint[]): bigint => amounts.reduce((a, b) => a + b, 0n);

/** The smaller of two amounts (Math.min does not take bigints). */
export const minMinor = (a: bigint, b: bigint): bigint => (a < b ? a : b);
