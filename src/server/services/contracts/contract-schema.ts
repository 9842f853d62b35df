// Contract terms as admins and the REST API send them, validated the same way everywhere.
import { z } from "zod";
import { DEFAULT_PAYMENT_TERMS_DAYS } from "@/domain/invoicing/payment-terms";
import { instant, int, text } from "@/server/input-rules";
import { DecimalAmount } from "@/server/services/ingestion/ingest-event-schema";

const DefinitionKey = text().trim().min(1).max(100);

const TierInput = z.strictObject({
  upTo: int().positive("A tier's upper bound is a whole number of outcomes above 0.").nullable(),
  unitPrice: DecimalAmount,
});

const OutcomePriceInput = z
  .strictObject({
    definitionKey: DefinitionKey,
    unitPrice: DecimalAmount,
    tiers: z.array(TierInput).max(20).default([]),
  })
  .superRefine((price, ctx) => {
    const bounds = price.tiers.map((t) => t.upTo);
    bounds.forEach((upTo, i) => {
      const last = i === bounds.length - 1;
      if (upTo === null && !last) {
        ctx.addIssue({ code: "custom", path: ["tiers", i, "upTo"], message: "Only the last tier can be open-ended." });
      }
      if (upTo !== null && last) {
        ctx.addIssue({
          code: "custom",
          path: ["tiers", i, "upTo"],
          message: "Leave the last tier open-ended (no upper bound) so every outcome has a price.",
        });
      }
      const previous = bounds[i - 1];
      if (upTo !== null && previous != null && upTo <= previous) {
        ctx.addIssue({ code: "custom", path: ["tiers", i, "upTo"], message: "Tier bounds must increase." });
      }
    });
  });

export const ContractTermsInput = z
  .strictObject({
    effectiveFrom: instant("Give the first day of the billing period the version starts with."),
    platformFee: DecimalAmount.default("0"),
    attemptFees: z
      .array(z.strictObject({ definitionKey: DefinitionKey.nullable().default(null), unitPrice: DecimalAmount }))
      .max(50)
      .default([]),
    outcomePrices: z.array(OutcomePriceInput).max(50).default([]),
    monthlyCap: DecimalAmount.nullable().default(null),
    minimumCommitment: DecimalAmount.nullable().default(null),
    disputeWindowDays: z.number().int().min(0).max(365, "Keep the dispute window within a year."),
    graceDays: z.number().int().min(0).max(60, "Keep the grace period within 60 days."),
    paymentTermsDays: int()
      .min(0)
      .max(365, "Keep the payment terms within a year.")
      .default(DEFAULT_PAYMENT_TERMS_DAYS),
    changeNote: text().trim().min(1, "Say what this version changes and why.").max(2_000),
  })
  .superRefine((terms, ctx) => {
    const at = terms.effectiveFrom;
    if (
      at.getUTCDate() !== 1 ||
      at.getUTCHours() + at.getUTCMinutes() + at.getUTCSeconds() + at.getUTCMilliseconds() !== 0
    ) {
      ctx.addIssue({
        code: "custom",
        path: ["effectiveFrom"],
        message: "A contract version starts with a billing period: the 1st of a month, 00:00 UTC.",
      });
    }
    const keys = terms.outcomePrices.map((p) => p.definitionKey);
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i)
        ctx.addIssue({
          code: "custom",
          path: ["outcomePrices", i, "definitionKey"],
          message: `"${key}" is priced twice.`,
        });
    });
    const fees = terms.attemptFees.map((f) => f.definitionKey ?? "*");
    fees.forEach((key, i) => {
      if (fees.indexOf(key) !== i)
        ctx.addIssue({
          code: "custom",
          path: ["attemptFees", i, "definitionKey"],
          message: "This attempt fee is given twice.",
        });
    });
  });
export type ContractTermsInput = z.input<typeof ContractTermsInput>;
