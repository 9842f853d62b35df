// What a finalized invoice can still be credited: its total less every credit note issued
// against it. The database holds the same rule (`invoice."creditNotesMinor"`, kept by a trigger
// on credit notes, never above the total), so a bug or a race cannot over-credit an invoice.
export function remainingCredit(totalMinor: bigint, creditedMinor: bigint): bigint {
  const left = totalMinor - creditedMinor;
  return left > 0n ? left : 0n;
}

export interface InvoiceCredits {
  /** What the invoice charged before any credit: its lines other than dispute credits. */
  chargesMinor: bigint;
  /** Credits decided while it was a draft: its "Dispute credits" line, as a positive amount. */
  disputeCreditsMinor: bigint;
  /** Credit notes issued against it once finalized. */
  creditNotesMinor: bigint;
  /** Both kinds: what every summary calls "Credits". */
  creditedMinor: bigint;
  /** Charges less credits: the invoice's total less its credit notes. */
  netDueMinor: bigint;
}

/**
 * One story for credits: an invoice's credits are its dispute-credit lines and its credit
 * notes together, so Charges − Credits = Net due on every page, file and API answer.
 */
export function invoiceCredits(
  lines: readonly { kind: string; amountMinor: bigint }[],
  creditNotesMinor: bigint,
): InvoiceCredits {
  let chargesMinor = 0n;
  let disputeCreditsMinor = 0n;
  for (const l of lines) {
    if (l.kind === "dispute_credit") disputeCreditsMinor -= l.amountMinor;
    else chargesMinor += l.amountMinor;
  }
  const creditedMinor = disputeCreditsMinor + creditNotesMinor;
  return {
    chargesMinor,
    disputeCreditsMinor,
    creditNotesMinor,
    creditedMinor,
    netDueMinor: chargesMinor - creditedMinor,
  };
}
