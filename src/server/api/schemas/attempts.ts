// REST v1 shapes of attempts and their evidence trail.
import { z } from "zod";
import type { getAttemptWithTrail, listAttempts } from "@/server/services/attempts/find-attempts";

export const AttemptPathParams = z.object({ id: z.uuid("The attempt id is a UUID.") });

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
