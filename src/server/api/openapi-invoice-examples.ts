// Examples for the invoicing part of the OpenAPI document: one hybrid-priced customer's
// October 2026 (a platform fee, two graduated tiers, a late item) with one credit note. The test
// parses each with its operation's schema.

const invoiceId = "3c9a7e10-52d4-4b8e-9f61-0a2b4c6d8e10";
const lines = `/api/v1/invoices/${invoiceId}/lines`;

const tierLine = {
  position: 2,
  kind: "outcomes",
  description: "Ticket resolved: resolved tickets beyond 1,000",
  quantity: "412",
  unitPrice: "1.8",
  amount: "741.60",
  tier: { from: 1001, to: null },
  sourcePeriod: null,
  outcomes: `${lines}/2/outcomes`,
};

const creditNoteSummary = {
  id: "8d2f4b61-7a3c-4e95-b0d8-1f2e3a4b5c6d",
  number: "CN-2026-000007",
  issuedAt: "2026-11-12T15:20:00.000Z",
  reason: "Goodwill for the outage on October 3",
  amount: "12.00",
};

const payment = {
  id: "2b4d6f80-1a3c-4e5f-9071-8293a4b5c6d7",
  amount: "2000.00",
  paidOn: "2026-11-30",
  recordedAt: "2026-12-01T14:05:00.000Z",
  recordedBy: "Ada Admin <admin@acme-support.ai>",
};

const invoiceSummary = {
  id: invoiceId,
  customer: "globex",
  period: "2026-10",
  status: "finalized",
  number: "INV-2026-000123",
  currency: "USD",
  total: "3247.00",
  charges: "3247.00",
  credited: "12.00",
  disputeCredits: "0.00",
  creditNotesTotal: "12.00",
  netDue: "3235.00",
  finalizedAt: "2026-11-08T02:00:00.000Z",
  finalizesAt: "2026-11-08T02:00:00.000Z",
  dueAt: "2026-12-08T02:00:00.000Z",
  paymentStatus: "open",
  paid: "2000.00",
  outstanding: "1235.00",
};

const contract = {
  id: "5e7a9c1b-3d2f-4a6e-8b0c-9d1e2f3a4b5c",
  version: 2,
  effectiveFrom: "2026-12-01T00:00:00.000Z",
  currency: "USD",
  platformFee: "500",
  attemptFees: [],
  outcomePrices: [
    {
      definitionKey: "ticket_resolved",
      unitPrice: "2",
      tiers: [
        { upTo: 1000, unitPrice: "2", flatFee: null },
        { upTo: null, unitPrice: "1.8", flatFee: "50" },
      ],
      tierMode: "graduated" as const,
      package: null,
      freeUnits: 100,
      minimum: null,
      maximum: null,
    },
    {
      definitionKey: "lead_qualified",
      unitPrice: "0",
      tiers: [],
      tierMode: "graduated" as const,
      package: { size: 100, price: "150", rounding: "up" as const },
      freeUnits: 0,
      minimum: "300",
      maximum: "3000",
    },
  ],
  monthlyCap: "5000",
  minimumCommitment: null,
  discounts: [
    {
      label: "Launch discount",
      kind: "percent" as const,
      value: "10",
      definitionKey: null,
      periods: 3,
      until: null,
    },
  ],
  disputeWindowDays: 30,
  graceDays: 7,
  paymentTermsDays: 30,
  changeNote: "Lower price above 1,000 resolved tickets a month; qualified leads by the hundred.",
  author: "Ada Admin <admin@acme-support.ai>",
  createdAt: "2026-11-20T10:00:00.000Z",
};

export const INVOICE_EXAMPLES = {
  invoiceId,
  invoiceList: { data: [invoiceSummary] },
  invoice: {
    ...invoiceSummary,
    customerName: "Globex Corporation",
    periodStart: "2026-10-01T00:00:00.000Z",
    periodEnd: "2026-11-01T00:00:00.000Z",
    pendingAttempts: 0,
    lines: [
      {
        position: 0,
        kind: "platform_fee",
        description: "Platform fee",
        quantity: "1",
        unitPrice: "500",
        amount: "500.00",
        tier: null,
        sourcePeriod: null,
        outcomes: null,
      },
      {
        ...tierLine,
        position: 1,
        description: "Ticket resolved: resolved tickets 1 to 1,000",
        quantity: "1000",
        unitPrice: "2",
        amount: "2000.00",
        tier: { from: 1, to: 1000 },
        outcomes: `${lines}/1/outcomes`,
      },
      tierLine,
      {
        position: 3,
        kind: "late_items",
        description: "Late items for September 2026: +3 attempts, +3 billable outcomes",
        quantity: null,
        unitPrice: null,
        amount: "5.40",
        tier: null,
        sourcePeriod: "2026-09",
        outcomes: `${lines}/3/outcomes`,
      },
    ],
    creditNotes: [creditNoteSummary],
    issuedAt: "2026-11-08T02:00:00.000Z",
    finalizesAt: "2026-11-08T02:00:00.000Z",
    paymentTerms: { days: 30, label: "Net 30" },
    dueAt: "2026-12-08T02:00:00.000Z",
    disputeBy: "2026-12-08T02:00:00.000Z",
    timeZone: "America/New_York",
    poNumber: "PO-88121",
    seller: {
      name: "Acme Support AI",
      legalName: "Acme Support AI, Inc.",
      address: "500 Howard Street\nSan Francisco, CA 94105\nUnited States",
      taxId: "US 94-1234567",
    },
    buyer: {
      name: "Globex Corporation",
      legalName: "Globex Corporation Inc.",
      address: "1 Globex Plaza\nSpringfield, OR 97477\nUnited States",
      taxId: "US 12-3456789",
    },
    paymentStatus: "open",
    paid: "2000.00",
    outstanding: "1235.00",
    payments: [payment],
    void: null,
    downloads: {
      pdf: `/api/v1/invoices/${invoiceId}/pdf`,
      linesCsv: `/api/v1/invoices/${invoiceId}/lines.csv`,
      outcomesCsv: `/api/v1/invoices/${invoiceId}/outcomes.csv`,
    },
  },
  lineOutcomes: {
    line: tierLine,
    traced: true,
    note: null,
    data: [
      {
        id: "0b7e2c1a-5d43-8f10-9a6b-3c2d1e0f4a58",
        subject: "ticket-48213",
        definition: "ticket_resolved",
        definitionVersion: 2,
        occurredAt: "2026-10-20T14:03:00.000Z",
        status: "billable",
        billedAs: "billable",
      },
    ],
    nextCursor: "MjAyNi0xMC0yMFQxNDowMzowMC4wMDBafDBiN2UyYzFhLTVkNDMtOGYxMC05YTZiLTNjMmQxZTBmNGE1OHwxMDAx",
  },
  payment: { amount: "2000.00", paidOn: "2026-11-30" },
  paymentRecorded: { payment, paymentStatus: "open", paid: "2000.00", outstanding: "1235.00" },
  creditNoteRequest: { invoiceId, amount: "12.00", reason: "Goodwill for the outage on October 3" },
  creditNote: {
    ...creditNoteSummary,
    customer: "globex",
    invoice: { id: invoiceId, number: "INV-2026-000123" },
    currency: "USD",
    issuedBy: "Ada Admin <admin@acme-support.ai>",
    lines: [{ description: "Goodwill for the outage on October 3", amount: "12.00", attemptId: null }],
  },
  contractTerms: {
    effectiveFrom: "2026-12-01T00:00:00Z",
    platformFee: "500",
    outcomePrices: [
      {
        definitionKey: "ticket_resolved",
        unitPrice: "2",
        tiers: [
          { upTo: 1000, unitPrice: "2" },
          { upTo: null, unitPrice: "1.8", flatFee: "50" },
        ],
        freeUnits: 100,
      },
      {
        definitionKey: "lead_qualified",
        unitPrice: "0",
        package: { size: 100, price: "150", rounding: "up" as const },
        minimum: "300",
        maximum: "3000",
      },
    ],
    monthlyCap: "5000",
    discounts: [{ label: "Launch discount", kind: "percent" as const, value: "10", periods: 3 }],
    disputeWindowDays: 30,
    graceDays: 7,
    paymentTermsDays: 30,
    changeNote: contract.changeNote,
  },
  contract,
  contractVersions: {
    customer: "globex",
    current: {
      ...contract,
      id: "2a4c6e8f-1b3d-4f5a-9c7e-0d2f4a6c8e1b",
      version: 1,
      effectiveFrom: "2026-01-01T00:00:00.000Z",
    },
    versions: [
      contract,
      {
        ...contract,
        id: "2a4c6e8f-1b3d-4f5a-9c7e-0d2f4a6c8e1b",
        version: 1,
        effectiveFrom: "2026-01-01T00:00:00.000Z",
      },
    ],
  },
};
