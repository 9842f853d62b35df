// A contract's pricing, as rating reads it. Prices are exact decimal strings in major units
// of the contract's currency ("0.99"); counts may be fractional when a dispute removes part
// of an outcome.
import type { Discount } from "./discounts";
import type { ContractPart } from "./proration";

/**
 * A tier: cumulative, inclusive upper bound counted over every outcome of the period ("first
 * 1,000 at 0.99"); null = the rest. The last tier is always open-ended, so every outcome has a
 * price: above the last bound the last tier's price continues.
 */
export interface Tier {
  upTo: number | null;
  unitPrice: string;
  /** Charged once in a period whose count enters the tier, besides its unit price; absent = none. */
  flatFee?: string;
}

/**
 * graduated: each outcome is priced by the tier its own rank falls in, each reached tier its own
 * line. volume: every outcome of the period is priced by the tier the period's total reaches.
 */
export type TierMode = "graduated" | "volume";

/** What happens to a partial block of a package price. */
export type PackageRounding = "up" | "down" | "prorated";

/** A price per block of `size` outcomes; it takes the place of the unit price and tiers. */
export interface PackagePrice {
  size: number;
  price: string;
  rounding: PackageRounding;
}

// The optional fields were added after contracts were first stored (outcomePrices is a JSON
// column): absent means what contracts meant before them, so old versions need no migration.
export interface OutcomePrice {
  definitionKey: string;
  /** Flat price per billable outcome; ignored when tiers or a package are given. */
  unitPrice: string;
  tiers: Tier[];
  /** Absent = graduated. */
  tierMode?: TierMode;
  /** Absent or null = priced per outcome (unitPrice or tiers). */
  package?: PackagePrice | null;
  /** The first N outcomes of the period are free (they still count toward tier bounds); absent = 0. */
  freeUnits?: number;
  /** A floor on this definition's outcome charges per period (not its attempt fees); absent = none. */
  minimum?: string | null;
  /** A ceiling on this definition's outcome charges per period (not its attempt fees); absent = none. */
  maximum?: string | null;
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
  /**
   * The discounts in force in the period being rated (`discountsInForce` picks them from the
   * version's list); absent = none.
   */
  discounts?: Discount[];
  /**
   * A period covered by more than one version (or by one from a day after the 1st): each part
   * prices its own days and the usage keyed to it (proration.ts); the fields above are then
   * empty. Absent = one version for the whole month.
   */
  parts?: ContractPart[];
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

/** Every kind of invoice line, in the order an invoice lists them (REST and the dashboard read this). */
export const INVOICE_LINE_KINDS = [
  "platform_fee",
  "attempts",
  "outcomes",
  "tier_flat_fee",
  "price_minimum",
  "price_maximum",
  "cap_adjustment",
  "minimum_true_up",
  "price_discount",
  "invoice_discount",
  "dispute_credit",
  "late_items",
  "commitment_true_up",
] as const;

export type InvoiceLineKind = (typeof INVOICE_LINE_KINDS)[number];

/**
 * Adjustment lines are differences, not prices: the cap brings usage down to the cap, the
 * true-up covers a shortfall, dispute credits and late items are one rating minus another.
 * They have an amount and an explanation, and no quantity or unit price (null), so that every
 * line that does show a unit price obeys quantity × unit price = amount.
 */
export const ADJUSTMENT_KINDS: ReadonlySet<string> = new Set<InvoiceLineKind>([
  "price_minimum",
  "price_maximum",
  "cap_adjustment",
  "minimum_true_up",
  "price_discount",
  "invoice_discount",
  "dispute_credit",
  "late_items",
  "commitment_true_up",
]);

/** Usage charges: what the monthly cap limits and a minimum commitment counts. */
export const USAGE_KINDS: ReadonlySet<string> = new Set<InvoiceLineKind>([
  "attempts",
  "outcomes",
  "tier_flat_fee",
  "price_minimum",
  "price_maximum",
  "price_discount",
]);

/** Lines that carry one definition's outcome charges, which its own minimum and maximum bound. */
export const OUTCOME_CHARGE_KINDS: ReadonlySet<string> = new Set<InvoiceLineKind>(["outcomes", "tier_flat_fee"]);

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
  definitionKey: string | null = null,
): RatedLine & { quantity: null; unitPrice: null } {
  return { kind, definitionKey, description, quantity: null, unitPrice: null, amountMinor, tier: null };
}
