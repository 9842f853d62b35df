// What a finalized invoice can still be credited: its total less every credit note issued
// against it. The database holds the same rule (`invoice."creditedMinor"`, kept by a trigger
// on credit notes, never above the total), so a bug or a race cannot over-credit an invoice.
export function remainingCredit(totalMinor: bigint, creditedMinor: bigint): bigint {
  const left = totalMinor - creditedMinor;
  return left > 0n ? left : 0n;
}
