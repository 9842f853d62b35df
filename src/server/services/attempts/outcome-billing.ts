// Where an outcome lands on the bill: the invoice of its period (or the later invoice that
// billed it as a late item), the line, and the price the contract applies to it.
import { periodStartOf } from "@/domain/invoicing/periods";
import type { OutcomePrice } from "@/domain/rating/contract-terms";
import { describeOutcomePrice } from "@/domain/rating/describe-price";
import { db } from "@/server/db";
import { contractInForce, termsOf } from "@/server/services/contracts/find-contract";

export interface OutcomeBilling {
  invoice: { id: string; number: string | null; status: "draft" | "finalized"; periodStart: Date } | null;
  /** True when the outcome was billed on a later invoice than its period's (a late item). */
  late: boolean;
  line: string | null;
  price: string;
  currency: string | null;
}

export async function outcomeBilling(attempt: {
  customerId: string;
  occurredAt: Date;
  status: "pending" | "billable" | "not_billable";
  billedInvoiceId: string | null;
  definition: { key: string; name: string; unitLabel: string };
  definitionVersion: { defaultUnitPrice: { toString(): string } };
}): Promise<OutcomeBilling> {
  const period = periodStartOf(attempt.occurredAt);
  const [periodInvoice, billedOn, contract] = await Promise.all([
    db().invoice.findUnique({
      where: { customerId_periodStart: { customerId: attempt.customerId, periodStart: period } },
    }),
    attempt.billedInvoiceId ? db().invoice.findUnique({ where: { id: attempt.billedInvoiceId } }) : null,
    // The version in force when it happened: in a month two versions share, each prices its own days.
    contractInForce(attempt.customerId, attempt.occurredAt),
  ]);
  const invoice = billedOn ?? periodInvoice;
  const late = !!billedOn && billedOn.periodStart.getTime() !== period.getTime();
  if (!contract) {
    return {
      invoice: null,
      late: false,
      line: null,
      price: "No contract covers this period, so nothing is billed for it.",
      currency: null,
    };
  }
  const terms = termsOf(contract, period);
  const outcomePrice = terms.outcomePrices.find((p) => p.definitionKey === attempt.definition.key);
  const attemptFee =
    terms.attemptFees.find((f) => f.definitionKey === attempt.definition.key) ??
    terms.attemptFees.find((f) => f.definitionKey === null);
  const feeText = attemptFee ? ` plus ${attemptFee.unitPrice} ${terms.currency} per attempt` : "";
  const priceText =
    attempt.status === "billable"
      ? `${describePrice(outcomePrice, attempt.definitionVersion.defaultUnitPrice.toString(), terms.currency)} per ${attempt.definition.unitLabel}${feeText}`
      : attempt.status === "pending"
        ? `Not charged while pending${feeText ? `; ${feeText.trim()} applies` : ""}.`
        : `Not charged as an outcome${feeText ? `; ${feeText.trim()} applies` : ""}.`;
  return {
    invoice: invoice && {
      id: invoice.id,
      number: invoice.number,
      status: invoice.status,
      periodStart: invoice.periodStart,
    },
    late,
    line: late
      ? "Late items"
      : attempt.status === "billable"
        ? `${attempt.definition.name}: ${attempt.definition.unitLabel}s`
        : attemptFee
          ? `${attempt.definition.name}: attempts`
          : null,
    price: priceText,
    currency: terms.currency,
  };
}

function describePrice(price: OutcomePrice | undefined, definitionDefault: string, currency: string): string {
  if (!price) return `${definitionDefault} ${currency} (the definition's price)`;
  return describeOutcomePrice(price, (amount) => `${amount} ${currency}`);
}
