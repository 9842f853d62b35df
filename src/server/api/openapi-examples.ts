// Examples for the OpenAPI document. The test parses each with its operation's own schema,
// so an example that stops being valid fails the build instead of misleading a reader.

const event = {
  id: "zendesk-48213-resolved",
  customer: "globex",
  definition: "ticket_resolved",
  subject: "ticket-48213",
  occurredAt: "2026-11-20T14:03:00Z",
  attributes: { resolved: true, reopened: false, csat: 5 },
  evidence: [
    {
      at: "2026-11-20T14:02:41Z",
      kind: "message",
      actor: "ai",
      title: "Sent the refund confirmation",
      url: "https://support.example.com/tickets/48213",
    },
    { at: "2026-11-20T14:03:00Z", kind: "status", actor: "system", title: "Ticket closed as solved" },
  ],
  cost: { amount: "0.0123", currency: "USD" },
  aiShare: 0.85,
};

const { id: _id, ...eventContent } = event;

const attemptId = "0b7e2c1a-5d43-8f10-9a6b-3c2d1e0f4a58";

const attemptSummary = {
  id: attemptId,
  customer: "globex",
  definition: "ticket_resolved",
  definitionVersion: 2,
  subject: "ticket-48213",
  occurredAt: "2026-11-20T14:03:00.000Z",
  status: "pending",
  final: false,
  eventCount: 1,
  cost: { amount: "0.0123", currency: "USD" },
  aiShare: "0.85",
  charge: {
    currency: "USD",
    outcomePrice: null,
    attemptFee: "0.1",
    charged: "0.1",
    tier: null,
    rank: null,
    of: null,
    credited: "0.00",
    adjustment: null,
    summary: "charged 0.10 USD, the per-attempt fee (pending)",
  },
};

const customer = {
  id: "6f1d8a52-3b0c-4e7a-9d21-5c8b7a4e3f10",
  externalId: "globex",
  name: "Globex Corporation",
  currency: "USD",
  timezone: "America/New_York",
  legalName: "Globex Corporation Inc.",
  address: "1 Globex Plaza\nSpringfield, OR 97477\nUnited States",
  taxId: "US 12-3456789",
  createdAt: "2026-11-02T09:15:00.000Z",
  updatedAt: "2026-11-02T09:15:00.000Z",
};

const definition = {
  key: "ticket_resolved",
  name: "Ticket resolved",
  description: "A support ticket the AI agent resolved without a human taking over.",
  unitLabel: "resolved ticket",
  currentVersion: 1,
  versions: [
    {
      number: 1,
      status: "published",
      criteria: [
        {
          attribute: "resolved",
          operator: "is_true",
          label: "The ticket was resolved",
          whenMissing: "pending",
        },
        {
          attribute: "reopened",
          operator: "is_false",
          label: "The customer did not reopen it within the window",
          whenMissing: "pass",
        },
      ],
      observationWindowHours: 72,
      defaultUnitPrice: "0.90",
      effectiveFrom: "2026-11-01T00:00:00.000Z",
      author: "Ada Admin",
      changeNote: "First version.",
      publishedAt: "2026-11-01T08:00:00.000Z",
    },
  ],
};

export const EXAMPLES = {
  eventId: event.id,
  attemptId,
  batch: {
    events: [
      event,
      {
        id: "zendesk-48214-resolved",
        customer: "acme",
        definition: "ticket_resolved",
        subject: "ticket-48214",
        occurredAt: "2026-11-20T15:40:00Z",
        attributes: { resolved: true },
      },
    ],
  },
  batchResult: {
    results: [
      { index: 0, id: event.id, status: "accepted", attemptId },
      {
        index: 1,
        id: "zendesk-48214-resolved",
        status: "rejected",
        errors: [
          {
            path: "customer",
            message: 'No customer has the external id "acme". Create it with PUT /api/v1/customers/acme.',
          },
        ],
      },
    ],
    summary: { accepted: 1, duplicate: 0, conflict: 0, rejected: 1 },
  },
  amendment: {
    ...eventContent,
    attributes: { resolved: true, reopened: true, csat: 2 },
  },
  amended: { id: event.id, status: "amended", attemptId, outcome: { status: "not_billable", final: false } },
  void: { reason: "Sent twice by a retry in our ticket sync; the other event stands." },
  voided: { id: event.id, status: "voided", attemptId, outcome: { status: "pending", final: false } },
  attemptList: {
    data: [attemptSummary],
    nextCursor: "MjAyNi0xMS0yMFQxNDowMzowMC4wMDBafDBiN2UyYzFhLTVkNDMtOGYxMC05YTZiLTNjMmQxZTBmNGE1OA",
  },
  attemptDetail: {
    ...attemptSummary,
    attributes: event.attributes,
    windowClosesAt: "2026-11-23T14:03:00.000Z",
    evaluation: {
      status: "pending",
      final: false,
      versionNumber: 2,
      windowClosesAt: "2026-11-23T14:03:00.000Z",
      evaluatedAt: "2026-11-20T14:03:02.118Z",
      criteria: [
        {
          attribute: "reopened",
          operator: "is_false",
          expected: null,
          observed: false,
          label: "The customer did not reopen it within the window",
          whenMissing: "pass",
          result: "pass",
          explanation: "not reopened",
        },
      ],
    },
    events: [
      {
        id: event.id,
        kind: "original",
        state: "active",
        supersededBy: null,
        voidReason: null,
        occurredAt: "2026-11-20T14:03:00.000Z",
        receivedAt: "2026-11-20T14:03:02.118Z",
        arrival: "in_window",
        attributes: event.attributes,
        evidence: event.evidence,
      },
    ],
  },
  customerBody: { name: "Globex Corporation", currency: "USD", timezone: "America/New_York" },
  customer,
  customerList: { data: [customer], nextAfter: null },
  definition,
  definitionList: { data: [definition] },
  definitionInput: {
    key: "ticket_resolved",
    name: "Ticket resolved",
    description: definition.description,
    unitLabel: "resolved ticket",
    firstVersion: {
      criteria: definition.versions[0]!.criteria,
      observationWindowHours: 72,
      defaultUnitPrice: "0.90",
      changeNote: "First version.",
    },
  },
  draftRule: {
    criteria: [
      ...definition.versions[0]!.criteria.map((c) => (c.attribute === "reopened" ? { ...c, whenMissing: "fail" } : c)),
      { attribute: "aiShare", operator: "gte", value: 0.7, label: "The AI did most of the work", whenMissing: "pass" },
    ],
    observationWindowHours: 72,
    defaultUnitPrice: "0.90",
    changeNote: "A ticket whose reopen flag never arrived no longer counts; most of the work must be the AI's.",
  },
  draftPreviewRequest: { days: 30 },
  impactPreview: {
    definition: "ticket_resolved",
    currentVersion: 1,
    draftVersion: 2,
    from: "2026-10-26T09:00:00.000Z",
    to: "2026-11-25T09:00:00.000Z",
    attempts: 12840,
    totals: {
      current: { pending: 610, billable: 9214, not_billable: 3016 },
      draft: { pending: 610, billable: 8790, not_billable: 3440 },
    },
    flips: { billableToNot: 424, notToBillable: 0 },
    customers: [{ customer: "globex", billableDelta: -424, currency: "USD", moneyDeltaMinor: "-38160" }],
    upheldDisputesPrevented: 3,
    rejectedDisputesNowUnbilled: 1,
  },
  draftPublishRequest: {
    effectiveFrom: "2026-12-01T00:00:00Z",
    changeNote: "Stricter reopen rule and attribution.",
    addressesDisputeIds: ["5f0c2d9e-7b1a-4c3e-9d8f-2a6b4e1c0d37"],
  },
};
