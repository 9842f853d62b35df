// The provider's promise to decide a dispute within a number of business days (Monday to
// Friday, UTC). The due time keeps the time of day it was opened at.

export function addBusinessDays(start: Date, days: number): Date {
  const due = new Date(start);
  let left = days;
  while (left > 0) {
    due.setUTCDate(due.getUTCDate() + 1);
    const weekday = due.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return due;
}

export interface ServiceLevelState {
  breached: boolean;
  /** Whole hours to the due time (negative once breached). */
  hoursLeft: number;
  label: string;
}

export function serviceLevelState(dueAt: Date, now: Date): ServiceLevelState {
  const ms = dueAt.getTime() - now.getTime();
  const hoursLeft = Math.trunc(ms / 3_600_000);
  const span = (h: number) => (Math.abs(h) >= 48 ? `${Math.trunc(Math.abs(h) / 24)} d` : `${Math.abs(h)} h`);
  if (ms < 0) return { breached: true, hoursLeft, label: `overdue by ${span(hoursLeft || -1)}` };
  return { breached: false, hoursLeft, label: hoursLeft < 1 ? "due within the hour" : `due in ${span(hoursLeft)}` };
}
