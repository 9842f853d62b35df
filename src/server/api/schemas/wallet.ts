// REST v1 shapes of a customer's wallet (prepaid credits). Money as everywhere: decimal
// strings in major units of the customer's currency.
import { z } from "zod";
import { WALLET_ENTRY_KINDS, WALLET_GRANT_KINDS } from "@/domain/wallet/wallet";
import type { Wallet } from "@/server/services/wallet/get-wallet";
import { WalletGrantInput } from "@/server/services/wallet/grant-wallet-credit";
import { money } from "./money";

const Money = z.string().describe('Decimal string in major units of `currency`, e.g. "54.20".');
const Instant = z.string().describe("An ISO 8601 instant in UTC.");

export const WalletGrantRequest = WalletGrantInput.omit({ customerId: true });

export const WalletGrantBody = z.object({
  id: z.uuid(),
  kind: z
    .enum(WALLET_GRANT_KINDS)
    .describe(
      "`grant` (given by the provider), `top_up` (bought), `allowance` (the contract's per-period allowance), `refund` (given back by a credit note).",
    ),
  amount: Money.describe("What was granted."),
  remaining: Money.describe("What is left to draw; 0 once expired."),
  expiresAt: Instant.nullable().describe("From this instant it can no longer be drawn; null = never expires."),
  expired: z.boolean(),
  reason: z.string(),
  creditNote: z.string().nullable().describe("A refund: the credit note's number."),
  grantedAt: Instant,
  grantedBy: z.string(),
});

export const WalletEntryBody = z.object({
  id: z.uuid(),
  kind: z
    .enum(WALLET_ENTRY_KINDS)
    .describe("A grant of one of the grant kinds, a `draw` by an invoice, or an `expiry`."),
  amount: Money.describe("Positive into the wallet, negative out of it."),
  at: Instant,
  grantId: z.uuid(),
  reason: z.string().describe("The grant's reason."),
  invoice: z
    .object({ id: z.uuid(), number: z.string().nullable() })
    .nullable()
    .describe("A draw: the invoice it paid."),
  recordedBy: z.string(),
});

export const WalletBody = z.object({
  customer: z.string().describe("The customer's external id."),
  currency: z.string().length(3),
  balance: Money.describe("What finalized invoices can draw now: the remaining of every grant not expired."),
  expiring: z
    .array(z.object({ expiresAt: Instant, amount: Money, grantId: z.uuid() }))
    .describe("Live grants with an expiry, soonest first: what is lost if not drawn by then."),
  grants: z.array(WalletGrantBody).describe("Every grant, newest first."),
  ledger: z.array(WalletEntryBody).describe("Every movement, newest first (at most 200)."),
  ledgerTruncated: z.boolean().describe("true when older movements were left out."),
});

export function toWalletGrant(g: Wallet["grants"][number]): z.infer<typeof WalletGrantBody> {
  return {
    id: g.id,
    kind: g.kind as z.infer<typeof WalletGrantBody>["kind"],
    amount: money(g.amountMinor, g.currency),
    remaining: money(g.remainingMinor, g.currency),
    expiresAt: g.expiresAt?.toISOString() ?? null,
    expired: g.expired,
    reason: g.reason,
    creditNote: g.creditNoteNumber,
    grantedAt: g.grantedAt.toISOString(),
    grantedBy: g.grantedBy,
  };
}

export function toWalletBody(wallet: Wallet, customer: string): z.infer<typeof WalletBody> {
  const { currency } = wallet;
  return {
    customer,
    currency,
    balance: money(wallet.balanceMinor, currency),
    expiring: wallet.expiring.map((e) => ({
      expiresAt: e.expiresAt.toISOString(),
      amount: money(e.amountMinor, currency),
      grantId: e.grantId,
    })),
    grants: wallet.grants.map(toWalletGrant),
    ledger: wallet.ledger.map((e) => ({
      id: e.id,
      kind: e.kind as z.infer<typeof WalletEntryBody>["kind"],
      amount: money(e.amountMinor, currency),
      at: e.at.toISOString(),
      grantId: e.grantId,
      reason: e.reason,
      invoice: e.invoiceId ? { id: e.invoiceId, number: e.invoiceNumber } : null,
      recordedBy: e.recordedBy,
    })),
    ledgerTruncated: wallet.ledgerTruncated,
  };
}
