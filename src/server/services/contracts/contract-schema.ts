// Contract terms as admins and the REST API send them, validated the same way everywhere.
import { z } from "zod";
import { DEFAULT_PAYMENT_TERMS_DAYS } from "@/domain/invoicing/payment-terms";
import { Dec } from "@/domain/money";
import { isDayStart } from "@/domain/rating/proration";
import { instant, int, period, text } from "@/server/input-rules";
import { DecimalAmount } from "@/server/services/ingestion/ingest-event-schema";

const DefinitionKey = text().trim().min(1).max(100);

const TierInput = z.strictObject({
  upTo: int().positive("A tier's upper bound is a whole number of outcomes above 0.").nullable(),
  unitPrice: DecimalAmount,
  flatFee: DecimalAmount.optional().describe("Charged once in a period whose count enters the tier, on its own line."),
});

const PackageInput = z.strictObject({
  size: int()
    .positive("A block is a whole number of outcomes above 0.")
    .max(1_000_000_000, "Keep a block within 1,000,000,000 outcomes."),
  price: DecimalAmount,
  rounding: z.enum(["up", "down", "prorated"], "Say how a partial block is charged: up, down or prorated."),
});

// Limits the rating relies on (PRODUCT.md rules; rating in src/domain/rating/price-lines.ts):
// the last tier is open-ended (its price continues above the tier before it), a package takes
// the place of tiers, and a prorated block's price per outcome is an exact decimal.
const OutcomePriceInput = z
  .strictObject({
    definitionKey: DefinitionKey,
    unitPrice: DecimalAmount,
    tiers: z.array(TierInput).max(20).default([]),
    tierMode: z
      .enum(
        ["graduated", "volume"],
        "Tiers are graduated (each tier prices its own outcomes) or volume (the tier the month reaches prices them all).",
      )
      .default("graduated")
      .describe(
        "graduated: each outcome at the tier its rank falls in. volume: every outcome at the tier the total reaches.",
      ),
    package: PackageInput.nullable()
      .default(null)
      .describe("A price per block of outcomes, in place of the unit price and tiers."),
    freeUnits: int()
      .min(0, "Free outcomes are a whole number, 0 or more.")
      .max(1_000_000_000, "Keep free outcomes within 1,000,000,000.")
      .default(0)
      .describe("The first N outcomes of each period are free; tier bounds still count them."),
    minimum: DecimalAmount.nullable()
      .default(null)
      .describe("A floor on this definition's outcome charges per period, used or not."),
    maximum: DecimalAmount.nullable()
      .default(null)
      .describe("A ceiling on this definition's outcome charges per period, before the monthly cap."),
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
          message:
            "Leave the last tier open-ended (no upper bound): its price applies to every outcome above the tier before it, so every outcome has a price.",
        });
      }
      const previous = bounds[i - 1];
      if (upTo !== null && previous != null && upTo <= previous) {
        ctx.addIssue({ code: "custom", path: ["tiers", i, "upTo"], message: "Tier bounds must increase." });
      }
    });
    if (price.tierMode === "volume" && price.tiers.length === 0) {
      ctx.addIssue({ code: "custom", path: ["tierMode"], message: "Volume pricing needs tiers: add at least one." });
    }
    if (price.package && price.tiers.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["package"],
        message: "Price these outcomes by the block or by tiers, not both: remove the tiers or the package.",
      });
    }
    const pkg = price.package;
    if (pkg?.rounding === "prorated" && !new Dec(pkg.price).div(pkg.size).times(pkg.size).eq(pkg.price)) {
      ctx.addIssue({
        code: "custom",
        path: ["package", "rounding"],
        message: `${pkg.price} per block of ${pkg.size} is not an exact price per outcome: choose a block size that divides the price evenly, or round a partial block up or down.`,
      });
    } else if (pkg?.rounding === "prorated" && new Dec(pkg.price).div(pkg.size).decimalPlaces() > 10) {
      ctx.addIssue({
        code: "custom",
        path: ["package", "rounding"],
        message: `${pkg.price} per block of ${pkg.size} is more than 10 decimals per outcome: choose another block size, or round a partial block up or down.`,
      });
    }
    if (price.minimum !== null && price.maximum !== null && new Dec(price.minimum).gt(price.maximum)) {
      ctx.addIssue({
        code: "custom",
        path: ["minimum"],
        message: "This price's minimum is above its maximum: the month's charge could meet neither.",
      });
    }
  });

// A discount's words on the invoice line come from its label, so the label is required.
const DiscountInput = z
  .strictObject({
    label: text().trim().min(1, "Name the discount as the invoice should show it, e.g. Launch discount.").max(100),
    kind: z.enum(["percent", "fixed"], "A discount is a percentage (percent) or a fixed amount (fixed)."),
    value: DecimalAmount.describe("percent: more than 0 and at most 100. fixed: an amount above 0."),
    definitionKey: DefinitionKey.nullable()
      .default(null)
      .describe("null: off the whole invoice; else off this definition's outcome charges."),
    periods: int()
      .positive("A discount lasts a whole number of billing periods, 1 or more.")
      .max(1_200, "Keep a discount within 1,200 billing periods.")
      .nullable()
      .default(null)
      .describe("Billing periods from the version's first; null = no count."),
    until: text()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the end date as YYYY-MM-DD.")
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "Give a real calendar date as YYYY-MM-DD.")
      .nullable()
      .default(null)
      .describe("A UTC date: the discount applies to periods starting before it; null = no end."),
  })
  .superRefine((discount, ctx) => {
    const value = new Dec(discount.value);
    if (discount.kind === "percent" && (value.lte(0) || value.gt(100))) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "A percentage is more than 0 and at most 100." });
    }
    if (discount.kind === "fixed" && value.lte(0)) {
      ctx.addIssue({ code: "custom", path: ["value"], message: "A fixed discount is an amount above 0." });
    }
    if (discount.periods !== null && discount.until !== null) {
      ctx.addIssue({
        code: "custom",
        path: ["until"],
        message: "A discount lasts a number of billing periods or until a date, not both: clear one.",
      });
    }
  });

/** A recurring allowance of prepaid credits (src/domain/wallet/wallet.ts, `PrepaidAllowance`). */
export const PrepaidAllowanceInput = z.strictObject({
  amount: DecimalAmount.refine((a) => /[1-9]/.test(a), "An allowance is an amount above zero."),
  rolloverPeriods: int()
    .min(0, "0 = only that period's invoice may use it.")
    .max(24, "Keep the rollover within 24 periods.")
    .default(0),
});

/** An amount committed over N billing periods, trued up at the end of the term (commitment.ts). */
const TermCommitmentInput = z.strictObject({
  amount: DecimalAmount.refine((v) => new Dec(v).gt(0), "A commitment is an amount above 0."),
  startMonth: period("Give the term's first billing period as YYYY-MM."),
  months: int().min(1, "A term lasts at least one billing period.").max(60, "Keep a term within 60 months."),
});

export const ContractTermsInput = z
  .strictObject({
    effectiveFrom: instant("Give the day the version takes effect (00:00 UTC)."),
    platformFee: DecimalAmount.default("0"),
    attemptFees: z
      .array(z.strictObject({ definitionKey: DefinitionKey.nullable().default(null), unitPrice: DecimalAmount }))
      .max(50)
      .default([]),
    outcomePrices: z.array(OutcomePriceInput).max(50).default([]),
    monthlyCap: DecimalAmount.nullable().default(null),
    minimumCommitment: DecimalAmount.nullable().default(null),
    discounts: z
      .array(DiscountInput)
      .max(20, "Keep discounts within 20.")
      .default([])
      .describe(
        "Discounts, each its own negative line: off one definition's outcome charges (after its price's limits, before the cap) or off the whole invoice (after the cap and the true-up), never below zero.",
      ),
    disputeWindowDays: z.number().int().min(0).max(365, "Keep the dispute window within a year."),
    graceDays: z.number().int().min(0).max(60, "Keep the grace period within 60 days."),
    paymentTermsDays: int()
      .min(0)
      .max(365, "Keep the payment terms within a year.")
      .default(DEFAULT_PAYMENT_TERMS_DAYS),
    prepaidAllowance: PrepaidAllowanceInput.nullable()
      .default(null)
      .describe(
        "Prepaid credits granted to the customer's wallet at each period's finalization, drawn first by that invoice; what is left rolls over to the next `rolloverPeriods` invoices, then expires. null = no allowance.",
      ),
    changeNote: text().trim().min(1, "Say what this version changes and why.").max(2_000),
    termCommitment: TermCommitmentInput.nullable()
      .default(null)
      .describe(
        "A commitment over several billing periods (e.g. 12 for an annual one): what counts toward it is the platform fee and usage charges after limits, discounts and the cap; a `commitment_true_up` line on the term's last invoice covers any shortfall.",
      ),
  })
  .superRefine((terms, ctx) => {
    const at = terms.effectiveFrom;
    if (!isDayStart(at)) {
      ctx.addIssue({
        code: "custom",
        path: ["effectiveFrom"],
        message: "A contract version takes effect at the start of a day: 00:00 UTC.",
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
    const priced = new Set(keys);
    terms.discounts.forEach((discount, i) => {
      if (discount.definitionKey !== null && !priced.has(discount.definitionKey)) {
        ctx.addIssue({
          code: "custom",
          path: ["discounts", i, "definitionKey"],
          message: `"${discount.definitionKey}" has no outcome price in this contract to discount: add its price or discount the whole invoice.`,
        });
      }
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
