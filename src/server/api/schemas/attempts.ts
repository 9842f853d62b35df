// REST v1 shapes of attempts and their evidence trail.
import { z } from "zod";
import type { getAttemptWithTrail, listAttempts } from "@/server/services/attempts/find-attempts";
import { money } from "./invoices";

export const AttemptPathParams = z.object({ id: z.uuid("The attempt id is a UUID.") });

export const OutcomeChargeBody = z
  .object({
    currency: z.string().length(3),
    outcomePrice: z
      .string()
      .nullable()
      .describe(
        "The outcome's own price, an exact decimal in major units: the unit price of the graduated tier its rank falls in. Null when it is not billed as an outcome (pending, not billable, voided).",
      ),
    attemptFee: z.string().nullable().describe("The per-attempt fee it pays (exact decimal); null when none."),
    charged: z
      .string()
      .nullable()
      .describe(
        "outcomePrice + attemptFee: what it adds to the usage lines before the cap and minimum. The charges of a month's outcomes add up exactly to its attempt and outcome lines (before each line's one rounding).",
      ),
    tier: z.number().int().nullable().describe("The graduated tier, from 1; null for a flat price."),
    rank: z
      .number()
      .int()
      .nullable()
      .describe("Its place among the month's billable outcomes of its definition, oldest occurredAt first."),
    of: z.number().int().nullable().describe("How many billable outcomes of its definition the month has."),
    credited: z.string().describe("What dispute decisions credited for it, in major units."),
    adjustment: z
      .string()
      .nullable()
      .describe(
        "In words, what besides its price shaped its definition's charges this month: tier flat fees, the price's minimum or maximum, discounts, the monthly cap or the minimum commitment; null when nothing did.",
      ),
    summary: z.string().describe('For people, e.g. "charged 0.99 USD, tier 1, #412 of 730 this month".'),
  })
  .nullable()
  .describe("What the outcome is charged; null when no contract covers its month.");

export const AttemptSummary = z.object({
  id: z.uuid(),
  customer: z.string().describe("The customer's external id."),
  definition: z.string().describe("The definition's key."),
  definitionVersion: z.number().int(),
  subject: z.string(),
  occurredAt: z.string().describe("ISO 8601."),
  status: z.enum(["pending", "billable", "not_billable"]),
  final: z.boolean().describe("True once the observation window closed: the status no longer changes."),
  eventCount: z.number().int(),
  cost: z.object({ amount: z.string(), currency: z.string() }).nullable(),
  aiShare: z.string().nullable(),
  charge: OutcomeChargeBody,
});

export const EvidenceTrailEvent = z.object({
  id: z.string(),
  kind: z.enum(["original", "amendment"]),
  state: z.enum(["active", "superseded", "voided"]),
  supersededBy: z.string().nullable(),
  voidReason: z.string().nullable(),
  occurredAt: z.string().describe("When it happened, as the provider said."),
  receivedAt: z.string().describe("When Outcome Ledger received it."),
  arrival: z
    .enum(["in_window", "late_counted", "late_not_counted"])
    .describe(
      "in_window: received before the observation window closed. late_counted: received after it closed but before the status was final, so evaluated with the rest. late_not_counted: received once the status was final; kept in the trail, the status unchanged.",
    ),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  evidence: z.array(z.record(z.string(), z.unknown())),
});

export const AttemptDetail = AttemptSummary.extend({
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  windowClosesAt: z.string(),
  evaluation: z
    .record(z.string(), z.unknown())
    .describe("The evaluation trace: each criterion with observed value and result."),
  events: z.array(EvidenceTrailEvent),
});

export const AttemptList = z.object({
  data: z.array(AttemptSummary),
  nextCursor: z.string().nullable().describe("Pass as `cursor` to get the next page; null on the last page."),
});

type ListedAttempt = Awaited<ReturnType<typeof listAttempts>>["attempts"][number];

export function toAttemptSummary(a: ListedAttempt): z.infer<typeof AttemptSummary> {
  return {
    id: a.id,
    customer: a.customer.externalId,
    definition: a.definition.key,
    definitionVersion: a.definitionVersion.number,
    subject: a.subject,
    occurredAt: a.occurredAt.toISOString(),
    status: a.status,
    final: a.finalizedAt !== null,
    eventCount: a.eventCount,
    cost: a.costCurrency ? { amount: a.costAmount.toString(), currency: a.costCurrency } : null,
    aiShare: a.aiShare?.toString() ?? null,
    charge: a.charge && {
      currency: a.charge.currency,
      outcomePrice: a.charge.outcomePrice,
      attemptFee: a.charge.attemptFee,
      charged: a.charge.charged,
      tier: a.charge.tier,
      rank: a.charge.rank,
      of: a.charge.of,
      credited: money(a.charge.creditedMinor, a.charge.currency),
      adjustment: a.charge.adjustment,
      summary: a.charge.summary,
    },
  };
}

export function toAttemptDetail({
  attempt,
  events,
}: Awaited<ReturnType<typeof getAttemptWithTrail>>): z.infer<typeof AttemptDetail> {
  return {
    ...toAttemptSummary(attempt),
    attributes: attempt.attributes as Record<string, string | number | boolean>,
    windowClosesAt: attempt.windowClosesAt.toISOString(),
    evaluation: attempt.trace as Record<string, unknown>,
    events: events.map((e) => ({
      id: e.eventId,
      kind: e.kind,
      state: e.supersededAt === null ? "active" : e.voidReason !== null ? "voided" : "superseded",
      supersededBy: e.supersededBy,
      voidReason: e.voidReason,
      occurredAt: e.occurredAt.toISOString(),
      receivedAt: e.receivedAt.toISOString(),
      arrival: e.arrival,
      attributes: e.attributes as Record<string, string | number | boolean>,
      evidence: e.evidence as Record<string, unknown>[],
    })),
  };
}
