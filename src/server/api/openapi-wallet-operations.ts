// The wallet operations of REST v1 (prepaid credits) for the OpenAPI document that openapi.ts
// assembles: the same pattern as the invoicing operations, kept apart so each file stays short.
import type { OperationSpec } from "./openapi-document";
import { CustomerPathParams } from "./schemas/customers";
import { WalletBody, WalletEntryBody, WalletGrantBody, WalletGrantRequest } from "./schemas/wallet";

export const WALLET_REQUEST_SCHEMAS = { WalletGrantRequest };
export const WALLET_RESPONSE_SCHEMAS = { WalletBody, WalletGrantBody, WalletEntryBody };

const GRANT = "a6f1c0de-7f3b-4c2a-9d51-3e0b8c1f2a44";
const INVOICE = "0c3b5e7a-1d2f-4a6b-8c9d-0e1f2a3b4c5d";

const walletExample = {
  customer: "globex",
  currency: "USD",
  balance: "310.00",
  expiring: [{ expiresAt: "2027-01-01T00:00:00.000Z", amount: "310.00", grantId: GRANT }],
  grants: [
    {
      id: GRANT,
      kind: "top_up",
      amount: "500.00",
      remaining: "310.00",
      expiresAt: "2027-01-01T00:00:00.000Z",
      expired: false,
      reason: "Prepaid credits, PO 4471",
      creditNote: null,
      grantedAt: "2026-11-03T09:12:00.000Z",
      grantedBy: "Back office",
    },
  ],
  ledger: [
    {
      id: "3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a",
      kind: "draw",
      amount: "-190.00",
      at: "2026-12-04T00:01:00.000Z",
      grantId: GRANT,
      reason: "Prepaid credits, PO 4471",
      invoice: { id: INVOICE, number: "INV-2026-000142" },
      recordedBy: "System (finalize-invoices)",
    },
    {
      id: "7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d",
      kind: "top_up",
      amount: "500.00",
      at: "2026-11-03T09:12:00.000Z",
      grantId: GRANT,
      reason: "Prepaid credits, PO 4471",
      invoice: null,
      recordedBy: "Back office",
    },
  ],
  ledgerTruncated: false,
};

const params = { schema: CustomerPathParams, example: { externalId: "globex" } };

export const WALLET_OPERATIONS: OperationSpec[] = [
  {
    method: "get",
    path: "/api/v1/customers/{externalId}/wallet",
    operationId: "getWallet",
    tag: "Wallet",
    summary: "Read a customer's prepaid credits",
    description:
      "The balance finalized invoices can draw now (the remaining of every grant not expired at the server's clock), what expires when, every grant with what remains of it, and the ledger of every movement: grants, top-ups, the contract's allowances, refunds from credit notes, draws by invoices at finalization (oldest expiry first, then oldest grant) and expiries. An invoice shows what it drew as `walletDrawn`.",
    params,
    responses: { 200: { description: "The wallet.", schema: WalletBody, example: walletExample } },
    errors: ["VALIDATION_FAILED", "NOT_FOUND"],
  },
  {
    method: "post",
    path: "/api/v1/customers/{externalId}/wallet/grants",
    operationId: "grantWalletCredit",
    tag: "Wallet",
    summary: "Grant or top up prepaid credits",
    description:
      "Adds money in the customer's currency to its wallet: `grant` (given) or `top_up` (bought), with an optional expiry day (UTC) and a reason the customer reads. The next finalized invoices draw it before anything is due. The grant, its ledger entry and the audit entry are one transaction. Not idempotent: REST v1 has no Idempotency-Key, so send a grant once. Bodies are limited to 64 KB.",
    params,
    body: {
      schema: WalletGrantRequest,
      example: { kind: "top_up", amount: "500.00", expiresOn: "2027-01-01", reason: "Prepaid credits, PO 4471" },
    },
    responses: {
      201: {
        description: "Granted: the wallet as it stands now.",
        schema: WalletBody,
        example: walletExample,
        headers: {
          Location: {
            description: "The customer's wallet.",
            schema: { type: "string", example: "/api/v1/customers/globex/wallet" },
          },
        },
      },
    },
    errors: ["VALIDATION_FAILED", "NOT_FOUND", "PAYLOAD_TOO_LARGE"],
  },
];
