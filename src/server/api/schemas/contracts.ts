// REST v1 shapes of contract versions. Requests are ContractTermsInput, the same schema the
// admin form is validated with.
import { z } from "zod";
import type { AttemptFee, OutcomePrice } from "@/domain/rating/contract-terms";
import type { Contract } from "@/generated/prisma/client";

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
      unitPrice: Decimal.describe("Flat price per billable outcome; not used when tiers are given."),
      tiers: z
        .array(z.object({ upTo: z.number().int().nullable(), unitPrice: Decimal }))
        .describe("Graduated tiers with cumulative, inclusive upper bounds; the last is open-ended (null)."),
    }),
  ),
  monthlyCap: Decimal.nullable(),
  minimumCommitment: Decimal.nullable(),
  disputeWindowDays: z.number().int(),
  graceDays: z.number().int(),
  paymentTermsDays: z.number().int().describe("Net days from the invoice's issue (finalization) to its due date."),
  changeNote: z.string(),
  author: z.string(),
  createdAt: z.string(),
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
      tiers: (p.tiers ?? []).map((t) => ({ upTo: t.upTo, unitPrice: t.unitPrice })),
    })),
    monthlyCap: c.monthlyCap?.toString() ?? null,
    minimumCommitment: c.minimumCommitment?.toString() ?? null,
    disputeWindowDays: c.disputeWindowDays,
    graceDays: c.graceDays,
    paymentTermsDays: c.paymentTermsDays,
    changeNote: c.changeNote,
    author: c.authorLabel,
    createdAt: c.createdAt.toISOString(),
  };
}
