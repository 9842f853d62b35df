// A contract version as the pages show it: decimals as exact strings, the JSON columns typed.
import type { TermCommitment } from "@/domain/rating/commitment";
import type { AttemptFee, OutcomePrice } from "@/domain/rating/contract-terms";
import type { Discount } from "@/domain/rating/discounts";
import type { PrepaidAllowance } from "@/domain/wallet/wallet";

type Decimal = { toString(): string };

export interface ContractView {
  id: string;
  version: number;
  effectiveFrom: Date;
  currency: string;
  platformFee: string;
  attemptFees: AttemptFee[];
  outcomePrices: OutcomePrice[];
  monthlyCap: string | null;
  minimumCommitment: string | null;
  discounts: Discount[];
  /** A commitment over several months; null = none. */
  termCommitment: TermCommitment | null;
  disputeWindowDays: number;
  graceDays: number;
  paymentTermsDays: number;
  changeNote: string;
  authorLabel: string;
  createdAt: Date;
  /** Absent or null: no allowance. */
  prepaidAllowance?: PrepaidAllowance | null;
}

export interface ContractRow {
  id: string;
  version: number;
  effectiveFrom: Date;
  currency: string;
  platformFee: Decimal;
  attemptFees: unknown;
  outcomePrices: unknown;
  monthlyCap: Decimal | null;
  minimumCommitment: Decimal | null;
  /** Absent when a caller selects without it: no discounts shown. */
  discounts?: unknown;
  /** Absent or null: no commitment over several months. */
  termCommitment?: unknown;
  disputeWindowDays: number;
  graceDays: number;
  paymentTermsDays: number;
  changeNote: string;
  authorLabel: string;
  createdAt: Date;
  /** Written from `PrepaidAllowanceInput`; absent or null = none. */
  prepaidAllowance?: unknown;
}

export function contractViewOf(row: ContractRow): ContractView {
  return {
    ...row,
    platformFee: row.platformFee.toString(),
    attemptFees: row.attemptFees as AttemptFee[],
    outcomePrices: (row.outcomePrices as OutcomePrice[]).map((p) => ({ ...p, tiers: p.tiers ?? [] })),
    monthlyCap: row.monthlyCap?.toString() ?? null,
    minimumCommitment: row.minimumCommitment?.toString() ?? null,
    discounts: (row.discounts ?? []) as Discount[],
    prepaidAllowance: (row.prepaidAllowance ?? null) as PrepaidAllowance | null,
    termCommitment: (row.termCommitment ?? null) as TermCommitment | null,
  };
}

/** How a definition reads to people: its name, or its key when it is unknown here. */
export type DefinitionNames = Record<string, string>;
