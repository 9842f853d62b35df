// A contract's pricing, as rating reads it. Prices are exact decimal strings in major units
// of the contract's currency ("0.99"); counts may be fractional when a dispute removes part
// of an outcome.

/** A graduated tier: cumulative, inclusive upper bound ("first 1,000 at 0.99"); null = the rest. */
export interface Tier {
  upTo: number | null;
  unitPrice: string;
}

export interface OutcomePrice {
  definitionKey: string;
  /** Flat price per billable outcome; ignored when tiers are given. */
  unitPrice: string;
  tiers: Tier[];
}

export interface AttemptFee {
  /** null: the fee applies to attempts of every definition without a fee of its own. */
  definitionKey: string | null;
  unitPrice: string;
}

export interface ContractTerms {
  currency: string;
  platformFee: string;
  attemptFees: AttemptFee[];
  outcomePrices: OutcomePrice[];
  /** Limit on usage charges (attempt and outcome lines) per period; null = no cap. */
  monthlyCap: string | null;
  /** Platform fee + usage after the cap must reach this, else a true-up line; null = none. */
  minimumCommitment: string | null;
}

/** What one definition counted in a period. */
export interface DefinitionUsage {
  definitionKey: string;
  definitionName: string;
  unitLabel: string;
  /** The definition's own price, used when the contract names none. */
  defaultUnitPrice: string;
  attempts: string | number;
  billable: string | number;
}

export type InvoiceLineKind =
  | "platform_fee"
  | "attempts"
  | "outcomes"
  | "cap_adjustment"
  | "minimum_true_up"
  | "dispute_credit"
  | "late_items";

/**
 * Adjustment lines are differences, not prices: the cap brings usage down to the cap, the
 * true-up covers a shortfall, dispute credits and late items are one rating minus another.
 * They have an amount and an explanation, and no quantity or unit price (null), so that every
 * line that does show a unit price obeys quantity × unit price = amount.
 */
export const ADJUSTMENT_KINDS: ReadonlySet<string> = new Set<InvoiceLineKind>([
  "cap_adjustment",
  "minimum_true_up",
  "dispute_credit",
  "late_items",
]);

export interface RatedLine {
  kind: InvoiceLineKind;
  definitionKey: string | null;
  description: string;
  /** Exact decimal; null for an adjustment line. */
  quantity: string | null;
  /** Exact decimal in major units; null for an adjustment line. */
  unitPrice: string | null;
  /** quantity × unit price, rounded once, half-even, in minor units; an adjustment's own amount. */
  amountMinor: bigint;
  /** For tier lines: the tier's range of outcomes (1-based, inclusive). */
  tier: { from: number; to: number | null } | null;
}

/** An adjustment line: an exact amount in minor units with its explanation. */
export function adjustmentLine(
  kind: InvoiceLineKind,
  description: string,
  amountMinor: bigint,
): RatedLine & { quantity: null; unitPrice: null } {
  return { kind, definitionKey: null, description, quantity: null, unitPrice: null, amountMinor, tier: null };
}
