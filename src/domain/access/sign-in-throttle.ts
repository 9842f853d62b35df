// Brute-force protection for passwords, as policy: under which keys an attempt is counted,
// how many attempts each key lets through to a password check, and how long it locks after.
// The counting is done in PostgreSQL (services/auth/internal/throttle-store.ts) so that it
// holds across app instances and restarts; this module decides from the counts it returns.
//
// An attempt is counted when it starts, before the password is checked, so concurrent
// guesses beyond the allowance are refused without a check. It is let through only when
// none of its keys is locked, and only then does it use up allowance, so guesses refused by
// one key (an attacker's own locked address) never wear down the others. The attempt that
// uses up a key's allowance locks that key at once; a correct password lifts it again.
//
// Keys are per e-mail address whether an account exists or not, so neither the counts nor
// the words of a refusal tell which addresses have accounts.

export type ThrottleScope = "account-address" | "account" | "address" | "global" | "password-change";

export interface ThrottleRule {
  /** Attempts let through to a password check in one window before the key locks. */
  allowance: number;
  /** The lock set by the attempt that uses up the allowance; each further one doubles it. */
  firstLockMs: number;
  longestLockMs: number;
  /** How long a window's counts are kept, from its first attempt (and at least until its lock ends). */
  windowMs: number;
  /**
   * What a correct password does to the key: `clear` forgets its counts (the person proved
   * who they are); `release` takes back only the attempt's own count, because a shared key
   * (a network, everyone) must not be reset by one person's success.
   */
  onSuccess: "clear" | "release";
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  // One account from one address: the strict lock. An attacker's address gets locked for up
  // to an hour; the account's owner on another address is not.
  "account-address": {
    allowance: 5,
    firstLockMs: MINUTE,
    longestLockMs: HOUR,
    windowMs: 24 * HOUR,
    onSuccess: "clear",
  },
  // One account from anywhere: the gentle backoff against guessing from many addresses. It
  // never locks for long, and addresses the account signed in from before are exempt, so
  // guessing cannot keep the account's owner out.
  account: {
    allowance: 20,
    firstLockMs: 15 * SECOND,
    longestLockMs: 5 * MINUTE,
    windowMs: 24 * HOUR,
    onSuccess: "clear",
  },
  // One address, any accounts: trying many accounts from one place.
  address: { allowance: 30, firstLockMs: MINUTE, longestLockMs: HOUR, windowMs: HOUR, onSuccess: "release" },
  // Everybody: password spraying from many addresses. Failures beyond this many a minute
  // pause every sign-in briefly.
  global: {
    allowance: 100,
    firstLockMs: 5 * SECOND,
    longestLockMs: 30 * SECOND,
    windowMs: MINUTE,
    onSuccess: "release",
  },
  // A signed-in user confirming their current password (changing it): the session may be stolen.
  "password-change": {
    allowance: 5,
    firstLockMs: MINUTE,
    longestLockMs: HOUR,
    windowMs: 24 * HOUR,
    onSuccess: "clear",
  },
};

/** A user who signed in from an address with the right password is known there this long. */
export const KNOWN_ADDRESS_MS = 90 * 24 * HOUR;

export interface ThrottleKey {
  scope: ThrottleScope;
  key: string;
}

/**
 * The keys a sign-in attempt is counted under. Without a trustworthy client address only the
 * account and global keys apply: one constant address would make the per-address lock a
 * per-account lock that anybody could trip, and the per-address limit a second global one.
 */
export function signInKeys(email: string, address: string | null): ThrottleKey[] {
  const keys: ThrottleKey[] = [
    { scope: "global", key: "global" },
    { scope: "account", key: `account:${email}` },
  ];
  if (address !== null) {
    keys.push({ scope: "address", key: `address:${address}` });
    keys.push({ scope: "account-address", key: `account-address:${email}|${address}` });
  }
  return keys;
}

export const passwordChangeKeys = (userId: string): ThrottleKey[] => [
  { scope: "password-change", key: `password-change:${userId}` },
];

/** A key's counts as they stand once the attempt has been counted. */
export interface KeyCount extends ThrottleKey {
  admitted: number;
  lockedUntil: Date | null;
}

export interface Refusal {
  scope: ThrottleScope;
  remainingMs: number;
}

export type Admission =
  | {
      admitted: true;
      /** The keys' counts with this attempt let through: written back before the password is checked. */
      next: KeyCount[];
      /** The longest lock this attempt set, to explain should its password be wrong. */
      lockSet: Refusal | null;
    }
  | { admitted: false; refusal: Refusal };

export function lockMs(rule: ThrottleRule, beyondAllowance: number): number {
  return Math.min(rule.longestLockMs, rule.firstLockMs * 2 ** Math.min(Math.max(0, beyondAllowance), 30));
}

/**
 * Lets an attempt through when none of its keys (but the `exempt` scopes) is locked, using up
 * one of each key's allowance; the attempt that uses up an allowance locks its key.
 */
export function decideAdmission(
  counts: KeyCount[],
  now: Date,
  { exempt = [] }: { exempt?: ThrottleScope[] } = {},
): Admission {
  const gating = counts.filter((c) => !exempt.includes(c.scope));
  const refusal = longest(
    gating.map((c) => ({ scope: c.scope, remainingMs: c.lockedUntil ? c.lockedUntil.getTime() - now.getTime() : 0 })),
  );
  if (refusal) return { admitted: false, refusal };

  const next = gating.map((c): KeyCount => {
    const rule = THROTTLE_RULES[c.scope];
    const admitted = c.admitted + 1;
    const lockedUntil =
      admitted >= rule.allowance ? new Date(now.getTime() + lockMs(rule, admitted - rule.allowance)) : null;
    return { ...c, admitted, lockedUntil };
  });
  const lockSet = longest(
    next.map((c) => ({ scope: c.scope, remainingMs: c.lockedUntil ? c.lockedUntil.getTime() - now.getTime() : 0 })),
  );
  return { admitted: true, next, lockSet };
}

function longest(refusals: Refusal[]): Refusal | null {
  const locked = refusals.filter((r) => r.remainingMs > 0);
  return locked.length === 0 ? null : locked.reduce((a, b) => (b.remainingMs > a.remainingMs ? b : a));
}

/** Words for a refusal; the same whether or not an account has the address. */
export function describeRefusal({ scope, remainingMs }: Refusal): string {
  const wait = describeWait(remainingMs);
  switch (scope) {
    case "account-address":
    case "account":
      return `Too many failed sign-in attempts for this e-mail address. For your security, try again in ${wait}.`;
    case "address":
      return `Too many failed sign-in attempts from your network. For your security, try again in ${wait}.`;
    case "global":
      return `Sign-in is paused briefly because of unusually many failed attempts. Please try again in ${wait}.`;
    case "password-change":
      return `Too many wrong current passwords. For your security, try again in ${wait}.`;
  }
}

function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / SECOND));
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(ms / MINUTE);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
