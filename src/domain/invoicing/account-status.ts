// What the customer's dashboard says about this month before its outcomes are decided (the
// dates and amounts due come from payment-terms.ts, as on the invoice).

/**
 * Whether this month to date can be compared with last month at the same point. Last month's
 * outcomes are counted as they stand today (decided), this month's pending ones are not yet
 * billable: while most of this month's attempts are undecided (the start of every month) the
 * comparison would read as a fall that is only the observation windows.
 */
export function canCompareWithLastMonth(usage: { attempts: number; pending: number }): boolean {
  return usage.attempts - usage.pending > usage.pending;
}
