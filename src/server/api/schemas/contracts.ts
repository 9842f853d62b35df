// REST v1 shapes of contract versions. Requests are ContractTermsInput, the same schema the
// admin form is validated with.
import { z } from "zod";
import type { AttemptFee, OutcomePrice } from "@/domain/rating/contract-terms";
import type { Discount } from "@/domain/rating/discounts";
import type { Contract } from "@/generated/prisma/client";
import { PrepaidAllowanceInput } from "@/server/services/contracts/contract-schema";

/** The stored allowance (written from `PrepaidAllowanceInput`), or null when the version has none. */
function prepaidAllowanceOf(stored: unknown) {
  return stored === null ? null : PrepaidAllowanceInput.parse(stored);
}

const Decimal = z.string().describe("Exact decimal in major units of the contract's currency.");

export const ContractBody = z.object({
  id: z.uuid(),
  version: z.number().int().describe("1, 2, 3… per customer."),
  effectiveFrom: z.string().describe("The first instant of the billing period the version starts with (UTC)."),
  currency: z.string().length(3),
  platformFee: Decimal,
  attemptFees: z.array(
    z.object({
      definitionKey: z.string().nullable().describe("null: every definition without a fee of its own."),
      unitPrice: Decimal,
    }),
  ),
  outcomePrices: z.array(
    z.object({
      definitionKey: z.string(),
      unitPrice: Decimal.describe("Flat price per billable outcome; not used when tiers or a package are given."),
      tiers: z
        .array(
          z.object({
            upTo: z.number().int().nullable(),
            unitPrice: Decimal,
            flatFee: Decimal.nullable().describe(
              "Charged once in a month whose count enters the tier, on its own line; null = none.",
            ),
          }),
        )
        .describe(
          "Tiers with cumulative, inclusive upper bounds counted over every outcome of the month; the last is open-ended (null): its price applies to every outcome above the tier before it.",
        ),
      tierMode: z
        .enum(["graduated", "volume"])
        .describe(
          "graduated: each outcome at the tier its rank falls in, one line per tier reached. volume: every outcome of the month at the tier the month's total reaches, on one line.",
        ),
      package: z
        .object({
          size: z.number().int().describe("Outcomes per block."),
          price: Decimal.describe("Price per block."),
          rounding: z
            .enum(["up", "down", "prorated"])
            .describe("A partial block: charged as a whole block (up), not charged (down), or pro rata (prorated)."),
        })
        .nullable()
        .describe("A price per block of outcomes, in place of the unit price and tiers; null = priced per outcome."),
      freeUnits: z
        .number()
        .int()
        .describe("The first N outcomes of each month are free, on their own line at 0; tier bounds still count them."),
      minimum: Decimal.nullable().describe(
        "A floor on this definition's outcome charges (not attempt fees) each month, used or not: a `price_minimum` line makes up the difference.",
      ),
      maximum: Decimal.nullable().describe(
        "A ceiling on this definition's outcome charges each month: a `price_maximum` line brings them down to it, before the monthly cap.",
      ),
    }),
  ),
  monthlyCap: Decimal.nullable(),
  minimumCommitment: Decimal.nullable(),
  discounts: z
    .array(
      z.object({
        label: z.string().describe("Shown on the invoice line."),
        kind: z.enum(["percent", "fixed"]),
        value: Decimal.describe("percent: more than 0, at most 100; fixed: an amount in the contract's currency."),
        definitionKey: z
          .string()
          .nullable()
          .describe(
            "null: off the whole invoice (an `invoice_discount` line, after the cap and true-up); else off this definition's outcome charges (a `price_discount` line, before the cap).",
          ),
        periods: z.number().int().nullable().describe("Billing periods from `effectiveFrom`; null = no count."),
        until: z
          .string()
          .nullable()
          .describe("YYYY-MM-DD (UTC): applies to periods starting before it; null = no end date."),
      }),
    )
    .describe("Discounts in order, each its own negative line, never taking what it applies to below zero."),
  disputeWindowDays: z.number().int(),
  graceDays: z.number().int(),
  paymentTermsDays: z.number().int().describe("Net days from the invoice's issue (finalization) to its due date."),
  prepaidAllowance: z
    .object({
      amount: Decimal.describe("Granted to the wallet at each period's finalization, before that invoice draws."),
      rolloverPeriods: z.number().int().describe("How many later invoices may still draw what is left; 0 = none."),
    })
    .nullable()
    .describe("A recurring allowance of prepaid credits; null = none."),
  changeNote: z.string(),
  author: z.string(),
  createdAt: z.string(),
  termCommitment: z
    .object({
      amount: Decimal.describe("Committed over the term, in the contract's currency."),
      startMonth: z.string().describe("The term's first billing period, YYYY-MM."),
      months: z.number().int().describe("Billing periods in the term (12: an annual commitment)."),
    })
    .nullable()
    .describe(
      "A commitment over several billing periods, trued up on the term's last invoice (a `commitment_true_up` line); null = none.",
    ),
});

const Money = z.string().describe("Exact decimal in the contract's currency.");

export const CommitmentStanding = z.object({
  customer: z.string().describe("The customer's external id."),
  commitment: z
    .object({
      contractVersion: z.number().int(),
      currency: z.string(),
      startMonth: z.string().describe("YYYY-MM: the term's first billing period."),
      endMonth: z.string().describe("YYYY-MM: the term's last billing period, whose invoice carries any true-up."),
      months: z.number().int(),
      committed: Money,
      consumed: Money.describe(
        "Counted so far: the platform fee and usage charges after limits, discounts and the cap of the term's finalized invoices and the current draft.",
      ),
      remaining: Money.describe("committed − consumed, never below 0: today's true-up if the term ended now."),
      monthsLeft: z.number().int().describe("Billing periods of the term after the current one."),
      projectedShortfall: Money.describe(
        "The true-up if the pace so far (consumed per month elapsed, this month by its days) holds to the term's end.",
      ),
    })
    .nullable()
    .describe("null when no commitment over several periods covers the current period."),
});

export const ContractVersions = z.object({
  customer: z.string().describe("The customer's external id."),
  current: ContractBody.nullable().describe("The version in force now; null before the first one starts."),
  versions: z.array(ContractBody).describe("Every version, newest first."),
});

export function toContractBody(c: Contract): z.infer<typeof ContractBody> {
  return {
    id: c.id,
    version: c.version,
    effectiveFrom: c.effectiveFrom.toISOString(),
    currency: c.currency,
    platformFee: c.platformFee.toString(),
    attemptFees: (c.attemptFees as unknown as AttemptFee[]).map((f) => ({
      definitionKey: f.definitionKey,
      unitPrice: f.unitPrice,
    })),
    outcomePrices: (c.outcomePrices as unknown as OutcomePrice[]).map((p) => ({
      definitionKey: p.definitionKey,
      unitPrice: p.unitPrice,
      tiers: (p.tiers ?? []).map((t) => ({ upTo: t.upTo, unitPrice: t.unitPrice, flatFee: t.flatFee ?? null })),
      // Versions stored before these fields mean what their absence means: graduated, per outcome.
      tierMode: p.tierMode ?? "graduated",
      package: p.package ?? null,
      freeUnits: p.freeUnits ?? 0,
      minimum: p.minimum ?? null,
      maximum: p.maximum ?? null,
    })),
    monthlyCap: c.monthlyCap?.toString() ?? null,
    minimumCommitment: c.minimumCommitment?.toString() ?? null,
    discounts: (c.discounts as unknown as Discount[]).map((d) => ({
      label: d.label,
      kind: d.kind,
      value: d.value,
      definitionKey: d.definitionKey,
      periods: d.periods,
      until: d.until,
    })),
    disputeWindowDays: c.disputeWindowDays,
    graceDays: c.graceDays,
    paymentTermsDays: c.paymentTermsDays,
    prepaidAllowance: prepaidAllowanceOf(c.prepaidAllowance),
    changeNote: c.changeNote,
    author: c.authorLabel,
    createdAt: c.createdAt.toISOString(),
    termCommitment: (c.termCommitment as z.infer<typeof ContractBody>["termCommitment"]) ?? null,
  };
}
