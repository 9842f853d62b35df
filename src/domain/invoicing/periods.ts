// Billing periods are calendar months in UTC.

export function periodStartOf(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

export function nextPeriodStart(periodStart: Date): Date {
  return new Date(Date.UTC(periodStart.getUTCFullYear(), periodStart.getUTCMonth() + 1, 1));
}

export function periodLabel(periodStart: Date): string {
  return new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(periodStart);
}

export function isPeriodStart(at: Date): boolean {
  return at.getTime() === periodStartOf(at).getTime();
}

/** When a contract version takes effect, in words: its month from the 1st ("December 2026"), else its day ("15 December 2026"). */
export function effectiveLabel(effectiveFrom: Date): string {
  if (isPeriodStart(effectiveFrom)) return periodLabel(effectiveFrom);
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    effectiveFrom,
  );
}
