// The dates an accounts-payable team books an invoice by, and its payment status. All are
// derived from the invoice's finalization and its contract's terms, so every page, PDF and
// REST answer computes the same ones.
import { walletAppliedMinor } from "@/domain/wallet/wallet";
import { nextPeriodStart } from "./periods";

const DAY_MS = 86_400_000;

export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

export interface InvoiceTerms {
  paymentTermsDays: number;
  disputeWindowDays: number;
  graceDays: number;
}

/** The terms of an invoice without a contract: net 30, no dispute window, no grace days. */
export const DEFAULT_INVOICE_TERMS: InvoiceTerms = {
  paymentTermsDays: DEFAULT_PAYMENT_TERMS_DAYS,
  disputeWindowDays: 0,
  graceDays: 0,
};

export interface InvoiceDates {
  /** When a draft becomes final: the end of its period plus the contract's grace days. */
  finalizesAt: Date;
  /** Issue = finalization; null while a draft. */
  issuedAt: Date | null;
  /** Issue + the payment terms' net days. */
  dueAt: Date | null;
  /** Issue + the dispute window: the last instant an outcome on it can be disputed. */
  disputeBy: Date | null;
}

export function invoiceDates(
  { periodStart, finalizedAt }: { periodStart: Date; finalizedAt: Date | null },
  terms: InvoiceTerms,
): InvoiceDates {
  const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);
  return {
    finalizesAt: finalizedAt ?? plusDays(nextPeriodStart(periodStart), terms.graceDays),
    issuedAt: finalizedAt,
    dueAt: finalizedAt && plusDays(finalizedAt, terms.paymentTermsDays),
    disputeBy: finalizedAt && plusDays(finalizedAt, terms.disputeWindowDays),
  };
}

/** "Net 30", or "Due on receipt" for 0 days. */
export function paymentTermsLabel(days: number): string {
  return days === 0 ? "Due on receipt" : `Net ${days}`;
}

export const PAYMENT_STATUSES = ["open", "paid", "overdue", "void"] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * A finalized invoice's payment status: `void` once cancelled; `paid` when payments cover what
 * is due after credit notes; else `overdue` from its due instant on, `open` before. A draft
 * is not a request for payment and has none (null).
 */
export function paymentStatus({
  finalized,
  voided,
  netDueMinor,
  paidMinor,
  dueAt,
  now,
}: {
  finalized: boolean;
  voided: boolean;
  netDueMinor: bigint;
  paidMinor: bigint;
  dueAt: Date | null;
  now: Date;
}): PaymentStatus | null {
  if (!finalized) return null;
  if (voided) return "void";
  if (paidMinor >= netDueMinor) return "paid";
  return dueAt && now >= dueAt ? "overdue" : "open";
}

/**
 * What the payments on an invoice come to, and its status: the one computation behind the
 * invoice page, its PDF, the invoice list and REST (list and detail), so they cannot differ.
 * Prepaid credits drawn at finalization pay it first, like a payment: amount due = net due −
 * wallet − payments, and an invoice the wallet covers is `paid`. `walletDrawnMinor` in the
 * answer is what the wallet still pays after credit notes (`walletAppliedMinor`).
 */
export function paymentFacts({
  finalized,
  voided,
  netDueMinor,
  payments,
  walletDrawnMinor = 0n,
  dueAt,
  now,
}: {
  finalized: boolean;
  voided: boolean;
  netDueMinor: bigint;
  payments: readonly { amountMinor: bigint }[];
  /** As drawn at finalization (the invoice's column). */
  walletDrawnMinor?: bigint;
  dueAt: Date | null;
  now: Date;
}): { paidMinor: bigint; walletDrawnMinor: bigint; outstandingMinor: bigint; paymentStatus: PaymentStatus | null } {
  const paidMinor = payments.reduce((s, p) => s + p.amountMinor, 0n);
  const wallet = walletAppliedMinor(walletDrawnMinor, netDueMinor);
  const dueAfterWallet = netDueMinor - wallet;
  return {
    paidMinor,
    walletDrawnMinor: wallet,
    outstandingMinor: outstandingMinor(dueAfterWallet, paidMinor),
    paymentStatus: paymentStatus({ finalized, voided, netDueMinor: dueAfterWallet, paidMinor, dueAt, now }),
  };
}

/** What a new payment may still cover: never negative (credits after payment can leave it overpaid). */
export function outstandingMinor(netDueMinor: bigint, paidMinor: bigint): bigint {
  const left = netDueMinor - paidMinor;
  return left > 0n ? left : 0n;
}
