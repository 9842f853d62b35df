// Brute-force protection: after a few failed sign-ins for one e-mail address the address
// is locked for a while, and each further failure doubles the lock (up to an hour).
// Counting per address, known or not, means the lock never reveals which addresses exist.

export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 60 * 60_000;
/** A quiet spell this long forgives earlier failures. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000;

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date | null;
  lockedUntil: Date | null;
}

export function lockRemainingMs(state: ThrottleState | null, now: Date): number {
  if (!state?.lockedUntil) return 0;
  return Math.max(0, state.lockedUntil.getTime() - now.getTime());
}

export function afterFailure(state: ThrottleState | null, now: Date): ThrottleState {
  const stale = !state?.lastFailureAt || now.getTime() - state.lastFailureAt.getTime() > FORGET_AFTER_MS;
  const failures = (stale ? 0 : state.failures) + 1;
  const excess = failures - FREE_ATTEMPTS;
  const lockedUntil =
    excess >= 0 ? new Date(now.getTime() + Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(excess, 10))) : null;
  return { failures, lastFailureAt: now, lockedUntil };
}

export function describeLock(remainingMs: number): string {
  const minutes = Math.ceil(remainingMs / 60_000);
  return `Too many failed sign-in attempts. For your security this account is locked for ${minutes} more minute${minutes === 1 ? "" : "s"}.`;
}
