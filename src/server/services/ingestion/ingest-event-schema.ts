// What the provider's systems send to POST /api/v1/events: the one source for validation,
// types and the OpenAPI document.
import { z } from "zod";
import { AI_SHARE_ATTRIBUTE } from "@/domain/evaluation/criteria";
import { clock } from "@/server/clock";
import { isoInstant, text, webUrl } from "@/server/input-rules";

export const MAX_EVENTS_PER_BATCH = 1_000;
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;
/** Clocks drift: an occurredAt up to this far in the future is accepted. */
const CLOCK_SKEW_MS = 5 * 60_000;

const isoTime = (what: string) =>
  isoInstant(`${what} must be an ISO 8601 time with a zone, e.g. 2026-11-25T14:03:00Z.`);

/**
 * An amount, price or threshold: what PostgreSQL's numeric(20, 10) columns hold, at most 10
 * digits before the point and 10 after (12 before the point failed the whole request with a
 * numeric overflow). Aborts when malformed, so that refinements reading it as a decimal
 * (`new Dec(…)` throws) run on decimals only.
 */
export const DecimalAmount = text({ error: 'Write the amount as a decimal string, e.g. "0.0123".' }).regex(
  /^\d{1,10}(\.\d{1,10})?$/,
  {
    error:
      'Write the amount as a non-negative decimal string with at most 10 digits before the point and 10 after, e.g. "0.0123".',
    abort: true,
  },
);

export const EvidenceItem = z.strictObject({
  at: isoTime("The evidence time"),
  kind: z.enum(["message", "status", "metric", "link", "note"], "Use one of: message, status, metric, link, note."),
  actor: z.enum(["ai", "human", "customer", "system"], "Use one of: ai, human, customer, system."),
  title: text().trim().min(1, "Give the evidence a title.").max(300, "Keep the title under 300 characters."),
  body: text().max(20_000, "Keep the body under 20,000 characters.").optional(),
  url: webUrl("Give an http or https URL.").optional(),
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;

const AttributeValue = z.union([text().max(1_000), z.number().finite(), z.boolean()], {
  error: "Attribute values are strings (up to 1,000 characters), finite numbers or booleans.",
});

export const IngestEventInput = z.strictObject({
  id: text().trim().min(1, "Give each event an id: your idempotency key.").max(200),
  customer: text().trim().min(1, "Name the customer by its external id.").max(100),
  definition: text().trim().min(1, "Name the outcome definition by its key.").max(100),
  subject: text().trim().min(1, "Give the subject: your own id of the ticket, lead or document.").max(200),
  occurredAt: isoTime("occurredAt").refine(
    (d) => d.getTime() <= clock.now().getTime() + CLOCK_SKEW_MS,
    "occurredAt is in the future.",
  ),
  attributes: z
    .record(text().min(1).max(100), AttributeValue)
    .refine((a) => Object.keys(a).length <= 100, "Send at most 100 attributes per event.")
    .refine((a) => !(AI_SHARE_ATTRIBUTE in a), "Send the AI share in the aiShare field, not as an attribute.")
    .default({}),
  evidence: z.array(EvidenceItem).max(200, "Send at most 200 evidence items per event.").default([]),
  cost: z
    .strictObject({
      amount: DecimalAmount,
      currency: text().regex(/^[A-Z]{3}$/, "Use an ISO 4217 currency code such as USD."),
    })
    .optional(),
  aiShare: z
    .number("The AI share is a number from 0 to 1.")
    .min(0, "The AI share is at least 0.")
    .max(1, "The AI share is at most 1.")
    .refine((n) => Math.round(n * 10_000) / 10_000 === n, "Give the AI share with at most 4 decimals.")
    .optional(),
});
export type IngestEventInput = z.infer<typeof IngestEventInput>;

export const IngestBatchInput = z.strictObject({
  events: z
    .array(z.unknown(), "Send a JSON object with an `events` array.")
    .min(1, "Send at least one event.")
    .max(MAX_EVENTS_PER_BATCH, `Send at most ${MAX_EVENTS_PER_BATCH.toLocaleString("en-US")} events per request.`),
});

export const ItemResult = z.object({
  index: z.number().int(),
  id: z.string().nullable(),
  status: z.enum(["accepted", "duplicate", "conflict", "rejected"]),
  attemptId: z.string().optional(),
  message: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ItemResult = z.infer<typeof ItemResult>;

export const IngestBatchResult = z.object({
  results: z.array(ItemResult),
  summary: z.object({
    accepted: z.number().int(),
    duplicate: z.number().int(),
    conflict: z.number().int(),
    rejected: z.number().int(),
  }),
});
export type IngestBatchResult = z.infer<typeof IngestBatchResult>;
