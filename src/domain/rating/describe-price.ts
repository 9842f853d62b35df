// An outcome price in words, the same on the contract page and in an outcome's evidence trail.
// No decimal arithmetic here (amounts are formatted by the caller), so it costs a page nothing.
import type { OutcomePrice, Tier } from "./contract-terms";

type Money = (amount: string) => string;

const count = (n: number) => n.toLocaleString("en-US");
const isZero = (amount: string | undefined) => amount === undefined || /^0*\.?0*$/.test(amount);

/** Tiers as ranges people read: "1 to 1,000", "1,001 to 5,000", "5,001 and above". */
export function tierRanges(tiers: readonly Tier[]): { range: string; tier: Tier }[] {
  let from = 1;
  return tiers.map((tier) => {
    const range = tier.upTo === null ? `${count(from)} and above` : `${count(from)} to ${count(tier.upTo)}`;
    from = (tier.upTo ?? 0) + 1;
    return { range, tier };
  });
}

/** How the price is applied, beyond its prices per outcome: one sentence each, none for a plain price. */
export function priceRules(price: OutcomePrice, money: Money): string[] {
  const rules: string[] = [];
  if (price.package) {
    const { size, rounding } = price.package;
    rules.push(
      `${money(price.package.price)} per block of ${count(size)} outcomes; a partial block is ${
        rounding === "up" ? "charged as a whole block" : rounding === "down" ? "not charged" : "charged pro rata"
      }.`,
    );
  } else if (price.tiers.length > 0) {
    rules.push(
      price.tierMode === "volume"
        ? "Volume tiers: every outcome of the month at the price of the tier the month's total reaches."
        : "Graduated tiers: each outcome at the price of the tier its rank in the month falls in.",
    );
    if (price.tiers.some((t) => !isZero(t.flatFee))) {
      rules.push(
        price.tierMode === "volume"
          ? "The reached tier's flat fee is charged once a month."
          : "A tier's flat fee is charged once in a month that enters the tier.",
      );
    }
  }
  if ((price.freeUnits ?? 0) > 0) {
    rules.push(`The first ${count(price.freeUnits!)} outcomes of each month are free (tier bounds still count them).`);
  }
  if (price.minimum != null) rules.push(`At least ${money(price.minimum)} a month for these outcomes, used or not.`);
  if (price.maximum != null) rules.push(`At most ${money(price.maximum)} a month for these outcomes.`);
  return rules;
}

/** The whole price in one line: "0.99 USD up to 1,000, then 0.79 USD (graduated tiers)…". */
export function describeOutcomePrice(price: OutcomePrice, money: Money): string {
  const base = price.package
    ? ""
    : price.tiers.length === 0
      ? money(price.unitPrice)
      : tierRanges(price.tiers)
          .map(({ range, tier }) => {
            const fee = tier.flatFee && !isZero(tier.flatFee) ? ` + ${money(tier.flatFee)} flat` : "";
            return `${money(tier.unitPrice)}${fee} for ${range}`;
          })
          .join(", ");
  return [base, ...priceRules(price, money)].filter(Boolean).join(" ");
}
