// The OpenAPI 3.1 document of REST v1: the one place that lists every operation. Bodies,
// parameters and responses are the zod schemas the handlers parse with, converted by zod
// itself (openapi-json-schema.ts) and assembled in openapi-document.ts; only the words for
// people are written here and in openapi-words.ts.
import { AttemptListQuery } from "@/server/services/attempts/find-attempts";
import { CriterionInput, DefinitionInput, VersionRuleInput } from "@/server/services/definitions/definition-schema";
import { AmendEventInput, VoidEventInput } from "@/server/services/ingestion/correct-event";
import {
  EvidenceItem,
  IngestBatchResult,
  IngestEventInput,
  ItemResult,
  MAX_BATCH_BYTES,
  MAX_EVENTS_PER_BATCH,
} from "@/server/services/ingestion/ingest-event-schema";
import { assembleDocument, type OpenApiDocument, type OperationSpec } from "./openapi-document";
import { EXAMPLES } from "./openapi-examples";
import { INVOICE_OPERATIONS, INVOICE_REQUEST_SCHEMAS, INVOICE_RESPONSE_SCHEMAS } from "./openapi-invoice-operations";
import { WALLET_OPERATIONS, WALLET_REQUEST_SCHEMAS, WALLET_RESPONSE_SCHEMAS } from "./openapi-wallet-operations";
import { AttemptDetail, AttemptList, AttemptPathParams, AttemptSummary, EvidenceTrailEvent } from "./schemas/attempts";
import { Customer, CustomerBody, CustomerList, CustomerListQuery, CustomerPathParams } from "./schemas/customers";
import {
  DefinitionBody,
  DefinitionList,
  DefinitionPathParams,
  DefinitionVersionBody,
  DraftPreviewRequest,
  DraftPublishRequest,
  ImpactPreviewBody,
} from "./schemas/definitions";
import { ErrorBody } from "./schemas/errors";
import { CorrectionResult, EventPathParams, IngestBatchBody } from "./schemas/events";

/** Component names are the names of the zod exports, so that a reader finds each one's source. */
export const REQUEST_SCHEMAS = {
  IngestBatchBody,
  IngestEventInput,
  EvidenceItem,
  AmendEventInput,
  VoidEventInput,
  CustomerBody,
  DefinitionInput,
  VersionRuleInput,
  DraftPreviewRequest,
  DraftPublishRequest,
  ...INVOICE_REQUEST_SCHEMAS,
  ...WALLET_REQUEST_SCHEMAS,
};
export const RESPONSE_SCHEMAS = {
  IngestBatchResult,
  ItemResult,
  CorrectionResult,
  AttemptList,
  AttemptSummary,
  AttemptDetail,
  EvidenceTrailEvent,
  CustomerList,
  Customer,
  DefinitionList,
  DefinitionBody,
  DefinitionVersionBody,
  CriterionInput,
  ImpactPreviewBody,
  ...INVOICE_RESPONSE_SCHEMAS,
  ...WALLET_RESPONSE_SCHEMAS,
  ErrorBody,
};

const MB = (bytes: number) => `${Math.round((bytes / 1_048_576) * 100) / 100} MB`;
/** The handlers' limit for bodies other than event batches. */
const SMALL_BODY = "1 MB";

export const OPERATIONS: OperationSpec[] = [
  {
    method: "post",
    path: "/api/v1/events",
    operationId: "ingestEvents",
    tag: "Events",
    summary: "Send a batch of events",
    description: `Send 1 to ${MAX_EVENTS_PER_BATCH.toLocaleString("en-US")} events, at most ${MB(MAX_BATCH_BYTES)} in all. Each event reports what happened to one subject (your own id of the ticket, lead or document) for one customer and one outcome definition.

Events with the same customer, definition and subject merge into one attempt: for each attribute the value of the event with the latest \`occurredAt\` wins, whatever order events arrive in; costs add up; the attempt happened when its earliest event did. The attempt is evaluated against the definition version in force at that time and stays \`pending\` until its observation window closes.

Every item is checked and answered on its own, in the order sent: a bad item is \`rejected\` with its field errors and does not fail the others, which land together in one transaction. Item statuses:
- \`accepted\`: stored; \`attemptId\` names the attempt it merged into.
- \`duplicate\`: this id was received before with the same content (or appears twice in this batch); nothing changed. Retrying a whole batch after a timeout is therefore safe.
- \`conflict\`: this id was received before with different content; nothing changed. Correct an event with \`/amend\` or \`/void\`, never by resending it.
- \`rejected\`: invalid fields, an unknown customer or definition, a cost in another currency than the customer's, or no published definition version in force at \`occurredAt\`.

The request as a whole fails only when the body is not an object with an \`events\` array of 1 to ${MAX_EVENTS_PER_BATCH.toLocaleString("en-US")} items (400) or is over ${MB(MAX_BATCH_BYTES)} (413).`,
    body: { schema: IngestBatchBody, example: EXAMPLES.batch },
    responses: {
      200: {
        description: "One result per item, in the order sent, and the count of each status.",
        schema: IngestBatchResult,
        example: EXAMPLES.batchResult,
      },
    },
    errors: ["VALIDATION_FAILED", "PAYLOAD_TOO_LARGE"],
  },
  {
    method: "post",
    path: "/api/v1/events/{id}/amend",
    operationId: "amendEvent",
    tag: "Events",
    summary: "Amend an event",
    description: `Replace an event's content without rewriting history. The amendment supersedes the event, which stays in the attempt's evidence trail marked \`superseded\`; the attempt is rebuilt from its remaining events and evaluated again, even after its observation window closed, and the change is audited.

The body is the whole event without \`id\`. It must keep the event's customer, definition and subject (to move an event, void it and send a new one), and a cost must be in the customer's currency. Sending the same amendment again answers \`duplicate\` and changes nothing.

404 when no event was sent with this id. 409 when the event was voided, or when this same amendment was applied earlier and another has replaced it since. Bodies are limited to ${SMALL_BODY}.`,
    params: { schema: EventPathParams, example: { id: EXAMPLES.eventId } },
    body: { schema: AmendEventInput, example: EXAMPLES.amendment },
    responses: {
      200: {
        description: "Amended, or a duplicate of the amendment in force.",
        schema: CorrectionResult,
        example: EXAMPLES.amended,
      },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE"],
  },
  {
    method: "post",
    path: "/api/v1/events/{id}/void",
    operationId: "voidEvent",
    tag: "Events",
    summary: "Void an event",
    description: `Withdraw an event, with the reason. The event (its latest amendment, if it was amended) stays in the evidence trail marked \`voided\`; the attempt is rebuilt from its remaining events and evaluated again, and becomes \`not_billable\` and final when none remain. The change is audited.

Voiding an event that is already void answers \`duplicate\` and changes nothing. 404 when no event was sent with this id. Bodies are limited to ${SMALL_BODY}.`,
    params: { schema: EventPathParams, example: { id: EXAMPLES.eventId } },
    body: { schema: VoidEventInput, example: EXAMPLES.void },
    responses: {
      200: { description: "Voided, or already void.", schema: CorrectionResult, example: EXAMPLES.voided },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "PAYLOAD_TOO_LARGE"],
  },
  {
    method: "get",
    path: "/api/v1/attempts",
    operationId: "listAttempts",
    tag: "Attempts",
    summary: "List attempts",
    description: `Attempts, one per customer, definition and subject, newest \`occurredAt\` first, optionally filtered.

Paged by keyset, not by offset: pass the response's \`nextCursor\` as \`cursor\`, with the same filters, to get the next page; it is null on the last page. Attempts that arrive while you page do not shift rows between pages. Unknown query parameters are refused (400), so a misspelt filter is never silently ignored.`,
    query: AttemptListQuery,
    responses: {
      200: { description: "One page of attempts.", schema: AttemptList, example: EXAMPLES.attemptList },
    },
    errors: ["VALIDATION_FAILED"],
  },
  {
    method: "get",
    path: "/api/v1/attempts/{id}",
    operationId: "getAttempt",
    tag: "Attempts",
    summary: "Get an attempt with its evidence trail",
    description:
      "One attempt: its outcome, its merged attributes, the evaluation trace (each criterion with the value observed and its result) and its evidence trail: every event received for it, oldest first, including `superseded` and `voided` ones.",
    params: { schema: AttemptPathParams, example: { id: EXAMPLES.attemptId } },
    responses: {
      200: { description: "The attempt.", schema: AttemptDetail, example: EXAMPLES.attemptDetail },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
  {
    method: "get",
    path: "/api/v1/customers",
    operationId: "listCustomers",
    tag: "Customers",
    summary: "List customers",
    description:
      "Customers in order of their external id. Paged by keyset: pass the response's `nextAfter` as `after` to get the next page; it is null on the last page.",
    query: CustomerListQuery,
    responses: {
      200: { description: "One page of customers.", schema: CustomerList, example: EXAMPLES.customerList },
    },
    errors: ["VALIDATION_FAILED"],
  },
  {
    method: "get",
    path: "/api/v1/customers/{externalId}",
    operationId: "getCustomer",
    tag: "Customers",
    summary: "Get a customer",
    description: "The customer your systems know by this external id.",
    params: { schema: CustomerPathParams, example: { externalId: "globex" } },
    responses: {
      200: { description: "The customer.", schema: Customer, example: EXAMPLES.customer },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
  {
    method: "put",
    path: "/api/v1/customers/{externalId}",
    operationId: "putCustomer",
    tag: "Customers",
    summary: "Create or update a customer",
    description: `Creates the customer your systems know by this external id, or brings it up to date. Events name their customer by this id, so create the customer before sending its events.

Idempotent: the same body again changes nothing and answers 200, so it is safe to call before every batch. The currency cannot change once the customer has a contract (its invoices are in that currency): a different one is refused on the field \`currency\`. Bodies are limited to ${SMALL_BODY}.`,
    params: { schema: CustomerPathParams, example: { externalId: "globex" } },
    body: { schema: CustomerBody, example: EXAMPLES.customerBody },
    responses: {
      200: { description: "Updated, or already up to date.", schema: Customer, example: EXAMPLES.customer },
      201: {
        description: "Created.",
        schema: Customer,
        example: EXAMPLES.customer,
        headers: {
          Location: {
            description: "The customer's URL.",
            schema: { type: "string", example: "/api/v1/customers/globex" },
          },
        },
      },
    },
    errors: ["VALIDATION_FAILED", "PAYLOAD_TOO_LARGE"],
  },
  {
    method: "get",
    path: "/api/v1/definitions",
    operationId: "listDefinitions",
    tag: "Definitions",
    summary: "List outcome definitions",
    description:
      "Every outcome definition with all its versions: the criteria that decide whether an attempt is billable, the observation window and the default unit price. `currentVersion` is the version in force now.",
    responses: {
      200: { description: "Every definition, by key.", schema: DefinitionList, example: EXAMPLES.definitionList },
    },
    errors: [],
  },
  {
    method: "get",
    path: "/api/v1/definitions/{key}",
    operationId: "getDefinition",
    tag: "Definitions",
    summary: "Get an outcome definition",
    description: "One outcome definition with all its versions.",
    params: { schema: DefinitionPathParams, example: { key: "ticket_resolved" } },
    responses: {
      200: { description: "The definition.", schema: DefinitionBody, example: EXAMPLES.definition },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
  {
    method: "post",
    path: "/api/v1/definitions",
    operationId: "createDefinition",
    tag: "Definitions",
    summary: "Create an outcome definition",
    description: `Definitions as code: create a definition with its first version as a draft, then publish it (\`/draft/publish\`). A definition's first version may take effect at any time, since nothing has been evaluated under it yet. Bodies are limited to ${SMALL_BODY}.`,
    body: { schema: DefinitionInput, example: EXAMPLES.definitionInput },
    responses: {
      201: { description: "Created, with its draft version 1.", schema: DefinitionBody, example: EXAMPLES.definition },
    },
    errors: ["VALIDATION_FAILED", "CONFLICT", "PAYLOAD_TOO_LARGE"],
  },
  {
    method: "put",
    path: "/api/v1/definitions/{key}/draft",
    operationId: "saveDraftVersion",
    tag: "Definitions",
    summary: "Create or replace the draft version",
    description:
      "The next version's rule: criteria, observation window, default price and change note. When the definition has a draft it is replaced (201 when a new draft was started, 200 when the existing one was replaced); published versions never change. Validated exactly as in the app: every field error names its path, e.g. `criteria.1.value`.",
    params: { schema: DefinitionPathParams, example: { key: "ticket_resolved" } },
    body: { schema: VersionRuleInput, example: EXAMPLES.draftRule },
    responses: {
      200: { description: "The draft was replaced.", schema: DefinitionBody, example: EXAMPLES.definition },
      201: { description: "A new draft was started.", schema: DefinitionBody, example: EXAMPLES.definition },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE"],
  },
  {
    method: "post",
    path: "/api/v1/definitions/{key}/draft/preview",
    operationId: "previewDraftImpact",
    tag: "Definitions",
    summary: "Preview the draft's impact",
    description:
      "Re-evaluates the definition's attempts of the last 7, 30 or 90 days under the draft and under the version in force, as of now, and says what would change: outcomes flipping between billable and not billable, the money per customer (each customer's contract applied to the period's usage with and without the flips), upheld disputes the draft would have prevented and rejected ones it would now unbill. Nothing is written. 404 when the definition has no draft. Bodies are limited to 1 MB.",
    params: { schema: DefinitionPathParams, example: { key: "ticket_resolved" } },
    body: { schema: DraftPreviewRequest, example: EXAMPLES.draftPreviewRequest },
    responses: {
      200: { description: "What the draft would change.", schema: ImpactPreviewBody, example: EXAMPLES.impactPreview },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE"],
  },
  {
    method: "post",
    path: "/api/v1/definitions/{key}/draft/publish",
    operationId: "publishDraft",
    tag: "Definitions",
    summary: "Publish the draft",
    description:
      'Publishes the draft from `effectiveFrom` on; from then it never changes. Once the definition has attempts, the time must be now or later and never inside a billing period already finalized: attempts already evaluated keep their version, and a new version never changes a finalized bill. Linked disputes show their customers "addressed in version N". 404 when the definition has no draft.',
    params: { schema: DefinitionPathParams, example: { key: "ticket_resolved" } },
    body: { schema: DraftPublishRequest, example: EXAMPLES.draftPublishRequest },
    responses: {
      200: { description: "Published.", schema: DefinitionBody, example: EXAMPLES.definition },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "CONFLICT", "PAYLOAD_TOO_LARGE"],
  },
  ...INVOICE_OPERATIONS,
  ...WALLET_OPERATIONS,
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Reference",
    summary: "Get this document",
    description: "This OpenAPI 3.1 document. It needs no API key.",
    responses: { 200: { description: "The OpenAPI document." } },
    errors: [],
    public: true,
  },
];

let built: OpenApiDocument | undefined;

/** The document, built once per process: it depends on nothing but the code. */
export function openApiDocument(): OpenApiDocument {
  built ??= assembleDocument(OPERATIONS, REQUEST_SCHEMAS, RESPONSE_SCHEMAS);
  return built;
}
