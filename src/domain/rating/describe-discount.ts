// A discount in words, for the contract page and the editor. No decimal arithmetic here
// (amounts are formatted by the caller), so the browser can use it.
import type { Discount } from "./discounts";

type Money = (amount: string) => string;

/** How long it lasts: "for the first 3 billing periods", "for periods starting before 2027-01-01". */
export function discountDuration(discount: Pick<Discount, "periods" | "until">): string {
  if (discount.periods !== null) {
    return discount.periods === 1
      ? "for the first billing period"
      : `for the first ${discount.periods} billing periods`;
  }
  if (discount.until !== null) return `for periods starting before ${discount.until.slice(0, 10)}`;
  return "while this version is in force";
}

/** "Launch discount: 10% off the whole invoice, for the first 3 billing periods." */
export function describeDiscount(discount: Discount, money: Money, names: Record<string, string> = {}): string {
  const amount = discount.kind === "percent" ? `${discount.value}%` : money(discount.value);
  const appliesTo =
    discount.definitionKey === null
      ? "the whole invoice (after the cap and the minimum true-up)"
      : `${names[discount.definitionKey] ?? discount.definitionKey} outcome charges (before the cap)`;
  return `${discount.label}: ${amount} off ${appliesTo}, ${discountDuration(discount)}; never below zero.`;
}
