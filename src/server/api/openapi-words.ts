// The words of the OpenAPI document that belong to no single operation: the introduction,
// the tags, the shared error responses, and descriptions of fields whose schemas carry none.
import type { z } from "zod";
import { type AppErrorCode, ERROR_MAP } from "@/server/errors";
import { AttemptListQuery } from "@/server/services/attempts/find-attempts";
import { ContractTermsInput } from "@/server/services/contracts/contract-schema";
import { VoidEventInput } from "@/server/services/ingestion/correct-event";
import {
  DecimalAmount,
  EvidenceItem,
  IngestEventInput,
  ItemResult,
} from "@/server/services/ingestion/ingest-event-schema";
import { DEFAULT_RATE_LIMIT_PER_MINUTE } from "./rate-limit";
import { AttemptPathParams, AttemptSummary } from "./schemas/attempts";
import { CustomerBody, CustomerListQuery, CustomerPathParams } from "./schemas/customers";
import { DefinitionPathParams } from "./schemas/definitions";

const statuses = (Object.keys(ERROR_MAP) as AppErrorCode[])
  .filter((code) => code !== "FORBIDDEN")
  .sort((a, b) => ERROR_MAP[a].status - ERROR_MAP[b].status)
  .map((code) => `${ERROR_MAP[code].status} \`${code}\``)
  .join(", ");

export const API_DESCRIPTION = `The REST API of Outcome Ledger for the provider's own systems: send what your AI systems did as events, read the outcomes they became, and keep customers in step with your records.

Every request but this document sends an API key: \`Authorization: Bearer olk_…\`. Admins create keys under Settings → API keys; a key is shown once. A missing, malformed or revoked key answers 401.

Every failure answers \`{"error": {"code", "message", "fields"}}\`. The code is machine-readable and decides the status: ${statuses}. A 400 names every invalid field in \`fields\`. Text anywhere may hold any Unicode but the NUL character (U+0000) and unpaired UTF-16 surrogates, which no field can store; times, dates and periods lie between the years 2000 and 2999 (UTC). A 503 \`RETRY_LATER\` means concurrent changes to the same data kept colliding with the request and nothing was saved: send it again after \`Retry-After\` seconds.

Each key may send ${DEFAULT_RATE_LIMIT_PER_MINUTE.toLocaleString("en-US")} requests a minute unless the server sets \`API_RATE_LIMIT_PER_MINUTE\`; above that it answers 429 with \`Retry-After\` in seconds. Amounts of money are decimal strings, never floating-point numbers.`;

export const TAGS = {
  Events: "What your AI systems did. Events merge into attempts; corrections keep the history.",
  Attempts: "Attempts with their outcomes, evaluation and evidence trail.",
  Customers: "The customers you bill, by the ids your own systems use.",
  Definitions: "The rules that decide which attempts are billable outcomes.",
  Contracts: "Each customer's pricing, in versions that start with a billing period.",
  Invoices: "One invoice per customer and month: a live draft, then finalized. Every line drills down to its outcomes.",
  "Credit notes": "Corrections of finalized invoices, which never change themselves.",
  Wallet: "Prepaid credits: grants with an expiry that finalized invoices draw down before anything is due.",
  Reference: "This document.",
};

type ErrorResponse = { description: string; example: unknown; headers?: object };
const error = (code: AppErrorCode, message: string, fields: { path: string; message: string }[] = []) => ({
  error: { code, message, fields },
});

/** Every error an operation can answer; FORBIDDEN is not one, as an API key reaches all of the API. */
export const ERROR_RESPONSES: Record<Exclude<AppErrorCode, "FORBIDDEN">, ErrorResponse> = {
  VALIDATION_FAILED: {
    description: "The request is not valid: `fields` names every offending field.",
    example: error("VALIDATION_FAILED", "Some fields are not valid. limit: Ask for at most 200 customers per page.", [
      { path: "limit", message: "Ask for at most 200 customers per page." },
    ]),
  },
  UNAUTHENTICATED: {
    description: "No API key, a malformed one, or one that was revoked.",
    example: error("UNAUTHENTICATED", "Send your API key in the Authorization header: `Authorization: Bearer olk_…`."),
  },
  NOT_FOUND: {
    description: "Nothing with this id or key.",
    example: error("NOT_FOUND", "The customer was not found."),
  },
  CONFLICT: {
    description: "The change contradicts what happened before; nothing changed.",
    example: error(
      "CONFLICT",
      'The event "zendesk-48213-resolved" was voided; send a new event instead of amending it.',
    ),
  },
  PAYLOAD_TOO_LARGE: {
    description: "The body is over this operation's limit.",
    example: error("PAYLOAD_TOO_LARGE", "The request body is over 5 MB."),
  },
  RATE_LIMITED: {
    description: "This key sent too many requests in the last minute.",
    headers: {
      "Retry-After": {
        description: "Seconds until this key may send again.",
        schema: { type: "integer", minimum: 1 },
      },
    },
    example: error("RATE_LIMITED", "This API key sent more than 1200 requests in one minute. Retry in 17 seconds."),
  },
  RETRY_LATER: {
    description:
      "Concurrent changes to the same data kept colliding with this request; it was tried again a few times and nothing was saved. Send the same request again after `Retry-After` seconds (safe for every operation here: events are deduplicated by id).",
    headers: {
      "Retry-After": {
        description: "Seconds to wait before sending the same request again.",
        schema: { type: "integer", minimum: 1 },
      },
    },
    example: error(
      "RETRY_LATER",
      "Other changes to the same data kept colliding with this request (5 tries); nothing was saved. Send the same request again in a moment.",
    ),
  },
  INTERNAL: {
    description: "Something failed on the server; it was logged. Retrying is safe for every operation here.",
    example: error("INTERNAL", "Something went wrong on our side. Please try again; if it persists, contact support."),
  },
};

const event = IngestEventInput.shape;
const evidence = EvidenceItem.shape;
const cost = event.cost.unwrap().shape;

/** Descriptions for fields whose schemas have none, keyed by the schema instances validation uses. */
export const FIELD_NOTES = new Map<z.core.$ZodType, string>([
  [
    event.id,
    "Your idempotency key for this event, unique across all your events. Sent again with the same content it is a `duplicate`, with other content a `conflict`; neither changes anything.",
  ],
  [event.customer, "The customer's external id, as in `PUT /api/v1/customers/{externalId}`."],
  [event.definition, "The outcome definition's key, e.g. `ticket_resolved`."],
  [
    event.subject,
    "Your own id of what the attempt is about: the ticket, lead or document. Events with the same customer, definition and subject merge into one attempt.",
  ],
  [
    event.occurredAt,
    "When it happened: ISO 8601 with a zone, at most 5 minutes ahead of the server's clock. It chooses the definition version in force, and for each attribute the latest event's value wins.",
  ],
  [
    event.attributes,
    "What the definition's criteria read, e.g. `resolved: true`. At most 100, each a string of up to 1,000 characters, a finite number or a boolean. The AI share goes in `aiShare`, not here.",
  ],
  [event.evidence, "What customers see in the attempt's evidence trail: up to 200 items."],
  [event.cost, "What this event cost you; an attempt's costs add up. In the customer's currency."],
  [cost.currency, "ISO 4217 code, e.g. USD: the customer's currency."],
  [DecimalAmount, 'A decimal string with up to 10 decimals, e.g. "0.0123".'],
  [
    event.aiShare,
    "The share of the work the AI did, from 0 to 1 with at most 4 decimals. The latest event's value wins.",
  ],
  [evidence.at, "When it happened: ISO 8601 with a zone."],
  [evidence.title, "One line, as the trail shows it."],
  [evidence.body, "The full text, up to 20,000 characters."],
  [evidence.url, "A link to the source: http or https."],
  [VoidEventInput.shape.reason, "Why the event is void; kept in the evidence trail and the audit log."],
  [
    CustomerPathParams.shape.externalId,
    "Your id of the customer: letters, digits, `.`, `_`, `:` or `-`, up to 100 characters.",
  ],
  [CustomerBody.shape.name, "As the portal and invoices show it."],
  [
    CustomerBody.shape.currency,
    "ISO 4217 code, e.g. USD, in any case: the currency the customer is billed in, which event costs must use.",
  ],
  [
    CustomerBody.shape.timezone,
    "IANA time zone, e.g. Europe/Berlin, or UTC: the portal and documents show times in it.",
  ],
  [CustomerBody.shape.legalName, "The buyer's legal name printed on invoices. Left out: unchanged; empty: cleared."],
  [
    CustomerBody.shape.address,
    "The buyer's billing address printed on invoices (lines separated by newlines). Left out: unchanged.",
  ],
  [CustomerBody.shape.taxId, "The buyer's tax ID (VAT, EIN…) printed on invoices. Left out: unchanged."],
  [CustomerListQuery.shape.limit, "Customers per page."],
  [CustomerListQuery.shape.after, "`nextAfter` from the previous page."],
  [AttemptListQuery.shape.limit, "Attempts per page."],
  [AttemptListQuery.shape.status, "Only attempts with this outcome."],
  [AttemptListQuery.shape.subject, "Only the attempt about this subject."],
  [AttemptPathParams.shape.id, "The attempt's id, as `attemptId` in ingestion results."],
  [DefinitionPathParams.shape.key, "The definition's key, e.g. `ticket_resolved`."],
  [ItemResult.shape.index, "The item's position in the request's `events`, from 0."],
  [ItemResult.shape.id, "The item's id; null when it had none."],
  [
    ItemResult.shape.attemptId,
    "For `accepted` items, and duplicates of an earlier request: the attempt the event merged into.",
  ],
  [ItemResult.shape.errors, "For `rejected` items: every invalid field."],
  [AttemptSummary.shape.cost, "The attempt's total cost; null when no event reported one."],
  [AttemptSummary.shape.aiShare, "Exact decimal from 0 to 1: the latest event's value."],
  [
    ContractTermsInput.shape.effectiveFrom,
    "ISO 8601 time the version takes effect: the start of a UTC day (00:00 UTC), e.g. `2026-12-15T00:00:00Z`, in no finalized period. A version that starts after the 1st shares that month with the version before it: each prices the outcomes that happened on its own days, and its platform fee, minimum commitment, cap, price minimum/maximum and fixed discounts are prorated by the day (days in force ÷ days of the month).",
  ],
  [
    ContractTermsInput.shape.changeNote,
    "What this version changes and why; kept with the version and in the audit log.",
  ],
]);
