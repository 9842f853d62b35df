// Prepaid credits (a wallet): grants of money the customer bought or was given, each with an
// optional expiry, drawn down by finalized invoices before anything is due. Pure rules; the
// database backs them (remaining ≥ 0, one draw per invoice and grant).
import { nextPeriodStart, periodStartOf } from "@/domain/invoicing/periods";

/** How money came into the wallet. */
export const WALLET_GRANT_KINDS = ["grant", "top_up", "allowance", "refund"] as const;
export type WalletGrantKind = (typeof WALLET_GRANT_KINDS)[number];

/** Every movement of the ledger: a grant of one of the kinds above, a draw by an invoice, an expiry. */
export const WALLET_ENTRY_KINDS = [...WALLET_GRANT_KINDS, "draw", "expiry"] as const;
export type WalletEntryKind = (typeof WALLET_ENTRY_KINDS)[number];

export interface DrawableGrant {
  id: string;
  remainingMinor: bigint;
  /** The instant from which it can no longer be drawn; null = never expires. */
  expiresAt: Date | null;
  grantedAt: Date;
}

export interface WalletDraw {
  grantId: string;
  amountMinor: bigint;
}

/** Math.min does not take bigints, and money.ts's `minMinor` would bring decimal.js to the browser. */
function smaller(a: bigint, b: bigint): bigint {
  if (b < a) return b;
  return a;
}

/** A grant counts from when it was made, while something remains of it and its expiry has not come. */
export function isDrawable(grant: DrawableGrant, now: Date): boolean {
  return grant.remainingMinor > 0n && grant.grantedAt <= now && (grant.expiresAt === null || grant.expiresAt > now);
}

/** The order grants are drawn in: earliest expiry first (never-expiring last), then oldest, then id. */
export function drawOrder(a: DrawableGrant, b: DrawableGrant): number {
  const ea = a.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const eb = b.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (ea !== eb) return ea < eb ? -1 : 1;
  const ga = a.grantedAt.getTime();
  const gb = b.grantedAt.getTime();
  if (ga !== gb) return ga < gb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** What the wallet holds now: the remaining of every grant not yet expired. */
export function walletBalance(grants: readonly DrawableGrant[], now: Date): bigint {
  return grants.reduce((s, g) => (isDrawable(g, now) ? s + g.remainingMinor : s), 0n);
}

/**
 * The draws that pay as much of `dueMinor` as the wallet holds, oldest expiry first. Never
 * more than a grant's remaining, never more than is due, nothing from an expired grant.
 */
export function planDraw(grants: readonly DrawableGrant[], dueMinor: bigint, now: Date): WalletDraw[] {
  const draws: WalletDraw[] = [];
  let left = dueMinor;
  for (const grant of [...grants].filter((g) => isDrawable(g, now)).sort(drawOrder)) {
    if (left <= 0n) break;
    const amountMinor = smaller(grant.remainingMinor, left);
    draws.push({ grantId: grant.id, amountMinor });
    left -= amountMinor;
  }
  return draws;
}

/**
 * How much of what the wallet drew still pays the invoice: what was drawn, but never more than
 * the invoice's net due after its credit notes. A credit note first reduces what is still owed;
 * only what the wallet paid beyond the new net due goes back to the wallet.
 */
export function walletAppliedMinor(walletDrawnMinor: bigint, netDueMinor: bigint): bigint {
  if (netDueMinor <= 0n) return 0n;
  return smaller(walletDrawnMinor, netDueMinor);
}

/** What a credit note of `creditNoteMinor` gives back to the wallet (a refund grant), ≥ 0. */
export function walletRefundForCreditNote({
  walletDrawnMinor,
  netDueBeforeMinor,
  creditNoteMinor,
}: {
  walletDrawnMinor: bigint;
  netDueBeforeMinor: bigint;
  creditNoteMinor: bigint;
}): bigint {
  return (
    walletAppliedMinor(walletDrawnMinor, netDueBeforeMinor) -
    walletAppliedMinor(walletDrawnMinor, netDueBeforeMinor - creditNoteMinor)
  );
}

/** A contract's recurring allowance (the contract's `prepaidAllowance` JSON). */
export interface PrepaidAllowance {
  /** A decimal amount in the contract's currency, e.g. "100.00". */
  amount: string;
  /** How many later invoices may still draw what the period's own invoice left (0 = none). */
  rolloverPeriods: number;
}

/** The allowance in words, for the contract page: "100.00 USD of prepaid credits each period; …". */
export function describePrepaidAllowance(allowance: PrepaidAllowance, money: (amount: string) => string): string {
  const n = allowance.rolloverPeriods;
  const rest =
    n === 0
      ? "what that period's invoice does not use expires"
      : `what that period's invoice does not use rolls over to the next ${n === 1 ? "invoice" : `${n} invoices`}, then expires`;
  return `${money(allowance.amount)} of prepaid credits each period, granted when the period is finalized; ${rest}.`;
}

/**
 * A contract's recurring allowance: each finalized period grants `amount` to the wallet just
 * before that invoice draws. `rolloverPeriods` = how many later invoices may still draw what
 * is left (0 = only that period's own invoice). It expires at the end of the N-th month after
 * the month it was granted in: a period is finalized in the month after it, so the next N
 * invoices, each finalized a month later, can still draw it (and a period finalized late gets
 * the same N invoices, not fewer).
 */
export function allowanceExpiresAt(grantedAt: Date, rolloverPeriods: number): Date {
  let at = periodStartOf(grantedAt);
  for (let i = 0; i <= rolloverPeriods; i++) at = nextPeriodStart(at);
  return at;
}
