// Money in REST v1: a decimal string in the currency's major units, with exactly its precision.
import { currencyPrecision, toMajorUnits } from "@/domain/money";

export function money(minor: bigint, currency: string): string {
  return toMajorUnits(minor, currency).toFixed(currencyPrecision(currency));
}
