// A customer's wallet as the dashboard, the wallet page and REST show it: the balance at the
// clock's now, each grant with what remains of it and when it expires, what expires next, and
// the ledger of every movement (newest first).
import { canSeeCustomer, customerScopeOf } from "@/domain/access/customer-scope";
import type { Actor } from "@/domain/actor";
import { isDrawable, walletBalance } from "@/domain/wallet/wallet";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

/** The ledger shows this many movements, newest first; REST says whether there were more. */
export const WALLET_LEDGER_LIMIT = 200;

export async function getWallet({
  actor,
  customerId,
  now = clock.now(),
}: {
  actor: Actor;
  customerId: string;
  now?: Date;
}) {
  if (!canSeeCustomer(customerScopeOf(actor), customerId)) throw AppError.notFound("The customer");
  const [customer, grants, entries] = await Promise.all([
    db().customer.findUnique({ where: { id: customerId }, select: { currency: true } }),
    db().walletGrant.findMany({
      where: { customerId },
      orderBy: [{ grantedAt: "desc" }, { id: "asc" }],
      include: { creditNote: { select: { number: true } } },
    }),
    db().walletEntry.findMany({
      where: { customerId },
      orderBy: [{ at: "desc" }, { id: "asc" }],
      take: WALLET_LEDGER_LIMIT + 1,
      include: { invoice: { select: { number: true } }, grant: { select: { reason: true } } },
    }),
  ]);
  if (!customer) throw AppError.notFound("The customer");
  const inCurrency = grants.filter((g) => g.currency === customer.currency);
  const live = inCurrency.filter((g) => isDrawable(g, now));
  return {
    currency: customer.currency,
    balanceMinor: walletBalance(inCurrency, now),
    /** Live grants that will expire, soonest first: what the customer loses if unused. */
    expiring: live
      .filter((g) => g.expiresAt !== null)
      .sort((a, b) => a.expiresAt!.getTime() - b.expiresAt!.getTime())
      .map((g) => ({ grantId: g.id, expiresAt: g.expiresAt!, amountMinor: g.remainingMinor })),
    grants: grants.map((g) => ({
      id: g.id,
      kind: g.kind,
      currency: g.currency,
      amountMinor: g.amountMinor,
      // An expired grant the sweep has not written down yet is spent all the same.
      remainingMinor: isDrawable(g, now) ? g.remainingMinor : 0n,
      expired: g.expiresAt !== null && g.expiresAt <= now,
      expiresAt: g.expiresAt,
      reason: g.reason,
      creditNoteNumber: g.creditNote?.number ?? null,
      grantedAt: g.grantedAt,
      grantedBy: g.grantedBy,
    })),
    ledger: entries.slice(0, WALLET_LEDGER_LIMIT).map((e) => ({
      id: e.id,
      kind: e.kind,
      amountMinor: e.amountMinor,
      at: e.at,
      grantId: e.grantId,
      reason: e.grant.reason,
      invoiceId: e.invoiceId,
      invoiceNumber: e.invoice?.number ?? null,
      recordedBy: e.recordedBy,
    })),
    ledgerTruncated: entries.length > WALLET_LEDGER_LIMIT,
  };
}
export type Wallet = Awaited<ReturnType<typeof getWallet>>;
