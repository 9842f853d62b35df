// What a customer owes and what is coming, read at any instant: the last finalized invoice
// with its amount due and due date, and the periods still open, whose outcomes may be pending.

const DAY_MS = 86_400_000;

/**
 * Payment terms until contracts carry their own: net 30 from finalization, the product's
 * default (issue 14 gives contracts per-customer terms; this is the one place to read them).
 */
export const DEFAULT_PAYMENT_TERMS_DAYS = 30;

export function paymentDueAt(finalizedAt: Date, termsDays: number = DEFAULT_PAYMENT_TERMS_DAYS): Date {
  return new Date(finalizedAt.getTime() + termsDays * DAY_MS);
}

/** A draft is finalized once its period is over and the contract's grace days have passed. */
export function finalizesAt(periodEnd: Date, graceDays: number): Date {
  return new Date(periodEnd.getTime() + graceDays * DAY_MS);
}

/** What remains to pay on a finalized invoice: its total less the credit notes issued on it. */
export function amountDueMinor(totalMinor: bigint, creditNotesMinor: bigint): bigint {
  const due = totalMinor - creditNotesMinor;
  return due > 0n ? due : 0n;
}

/**
 * Whether this month to date can be compared with last month at the same point. Last month's
 * outcomes are counted as they stand today (decided), this month's pending ones are not yet
 * billable: while most of this month's attempts are undecided (the start of every month) the
 * comparison would read as a fall that is only the observation windows.
 */
export function canCompareWithLastMonth(usage: { attempts: number; pending: number }): boolean {
  return usage.attempts - usage.pending > usage.pending;
}
