// Contracts and usage for the credit tests.
import type { ContractTerms, DefinitionUsage, OutcomePrice } from "../rating/contract-terms";
import type { Discount } from "../rating/discounts";

export const terms = (overrides: Partial<ContractTerms> = {}): ContractTerms => ({
  currency: "USD",
  platformFee: "0",
  attemptFees: [],
  outcomePrices: [],
  monthlyCap: null,
  minimumCommitment: null,
  ...overrides,
});

export const usage = (billable: number | string, key = "ticket_resolved"): DefinitionUsage => ({
  definitionKey: key,
  definitionName: key,
  unitLabel: "outcome",
  defaultUnitPrice: "0.99",
  attempts: billable,
  billable,
});

/** 0.99 up to 1,000 outcomes, 0.79 beyond, 0.10 per attempt, with an optional cap and minimum. */
export const tieredTerms = (platformFee: number, cap: number | null, minimum: number | null): ContractTerms =>
  terms({
    platformFee: String(platformFee),
    attemptFees: [{ definitionKey: null, unitPrice: "0.1" }],
    outcomePrices: [
      {
        definitionKey: "ticket_resolved",
        unitPrice: "0.99",
        tiers: [
          { upTo: 1_000, unitPrice: "0.99" },
          { upTo: null, unitPrice: "0.79" },
        ],
      },
    ],
    monthlyCap: cap === null ? null : String(cap),
    minimumCommitment: minimum === null ? null : String(minimum),
  });

/**
 * One outcome price of any shape (volume, flat fees, packages, free units, its own limits), with
 * a cap and minimum, and discounts in force.
 */
export const shapedTerms = (
  price: OutcomePrice,
  platformFee: number,
  cap: number | null,
  minimum: number | null,
  discounts: Discount[] = [],
): ContractTerms => ({ ...tieredTerms(platformFee, cap, minimum), outcomePrices: [price], discounts });
