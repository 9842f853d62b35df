import { describe, expect, it } from "vitest";
import {
  type Admission,
  decideAdmission,
  describeRefusal,
  type KeyCount,
  lockMs,
  passwordChangeKeys,
  signInKeys,
  THROTTLE_RULES,
  type ThrottleScope,
} from "./sign-in-throttle";

const T0 = Date.UTC(2026, 10, 25, 12, 0);
const at = (ms: number) => new Date(T0 + ms);

/** The keys' counts in memory, updated as the store would: every admission written back. */
class Counts {
  private readonly byKey = new Map<string, KeyCount>();

  attempt(email: string, address: string | null, now: Date, exempt: ThrottleScope[] = []): Admission {
    const counts = signInKeys(email, address).map(
      (k) => this.byKey.get(k.key) ?? { ...k, admitted: 0, lockedUntil: null },
    );
    const admission = decideAdmission(counts, now, { exempt });
    if (admission.admitted) for (const c of admission.next) this.byKey.set(c.key, c);
    return admission;
  }
}

const admittedCount = (admissions: Admission[]) => admissions.filter((a) => a.admitted).length;

describe("sign-in throttle policy", () => {
  it("lets the allowance through from one address, then locks that account on that address", () => {
    const counts = new Counts();
    const burst = Array.from({ length: 100 }, () => counts.attempt("ada@example.test", "192.0.2.1", at(0)));
    expect(admittedCount(burst)).toBe(THROTTLE_RULES["account-address"].allowance);
    expect(burst.at(-1)).toMatchObject({ admitted: false, refusal: { scope: "account-address", remainingMs: 60_000 } });
  });

  it("locks the attempt that uses up the allowance at once, so a wrong password there is told about the lock", () => {
    const counts = new Counts();
    const allowance = THROTTLE_RULES["account-address"].allowance;
    for (let i = 1; i < allowance; i++) {
      expect(counts.attempt("ada@example.test", "192.0.2.1", at(0))).toMatchObject({ admitted: true, lockSet: null });
    }
    expect(counts.attempt("ada@example.test", "192.0.2.1", at(0))).toMatchObject({
      admitted: true,
      lockSet: { scope: "account-address", remainingMs: 60_000 },
    });
  });

  it("doubles the lock with every attempt let through after the allowance, up to an hour", () => {
    const rule = THROTTLE_RULES["account-address"];
    expect([0, 1, 2, 6, 7, 40].map((n) => lockMs(rule, n))).toEqual([
      60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000,
    ]);
    const counts = new Counts();
    for (let i = 0; i < rule.allowance; i++) counts.attempt("ada@example.test", "192.0.2.1", at(0));
    expect(counts.attempt("ada@example.test", "192.0.2.1", at(59_999)).admitted).toBe(false);
    expect(counts.attempt("ada@example.test", "192.0.2.1", at(60_000))).toMatchObject({
      admitted: true,
      lockSet: { remainingMs: 120_000 },
    });
  });

  it("does not lengthen a lock for attempts refused during it", () => {
    const counts = new Counts();
    for (let i = 0; i < 5; i++) counts.attempt("ada@example.test", "192.0.2.1", at(0));
    for (let i = 0; i < 50; i++) counts.attempt("ada@example.test", "192.0.2.1", at(30_000));
    expect(counts.attempt("ada@example.test", "192.0.2.1", at(60_000)).admitted).toBe(true);
  });

  it("keeps an attacker's locked address from wearing down the account for its owner elsewhere", () => {
    const counts = new Counts();
    for (let i = 0; i < 1_000; i++) counts.attempt("ada@example.test", "198.51.100.7", at(i));
    expect(counts.attempt("ada@example.test", "192.0.2.1", at(1_000)).admitted).toBe(true);
  });

  it("backs off gently per account when many addresses guess, and never for long", () => {
    const counts = new Counts();
    const rule = THROTTLE_RULES.account;
    const guesses = Array.from({ length: 200 }, (_, i) => counts.attempt("ada@example.test", `198.51.100.${i}`, at(0)));
    expect(admittedCount(guesses)).toBe(rule.allowance);
    expect(guesses.at(-1)).toMatchObject({ admitted: false, refusal: { scope: "account", remainingMs: 15_000 } });
    expect(rule.longestLockMs).toBeLessThanOrEqual(5 * 60_000);
    expect(rule.longestLockMs * 12).toBeLessThanOrEqual(THROTTLE_RULES["account-address"].longestLockMs);
    expect(rule.allowance).toBeGreaterThan(THROTTLE_RULES["account-address"].allowance);
  });

  it("lets an address the account signed in from before past the per-account backoff", () => {
    const counts = new Counts();
    for (let i = 0; i < 200; i++) counts.attempt("ada@example.test", `198.51.100.${i}`, at(0));
    expect(counts.attempt("ada@example.test", "192.0.2.1", at(1)).admitted).toBe(false);
    expect(counts.attempt("ada@example.test", "192.0.2.1", at(1), ["account"]).admitted).toBe(true);
  });

  it("limits one address trying many accounts", () => {
    const counts = new Counts();
    const guesses = Array.from({ length: 100 }, (_, i) =>
      counts.attempt(`user${i}@example.test`, "203.0.113.9", at(0)),
    );
    expect(admittedCount(guesses)).toBe(THROTTLE_RULES.address.allowance);
    expect(guesses.at(-1)).toMatchObject({ refusal: { scope: "address" } });
  });

  it("pauses every sign-in briefly when many accounts fail from many addresses", () => {
    const counts = new Counts();
    const spray = Array.from({ length: 500 }, (_, i) =>
      counts.attempt(`user${i}@example.test`, `10.0.${i >> 8}.${i & 255}`, at(0)),
    );
    expect(admittedCount(spray)).toBe(THROTTLE_RULES.global.allowance);
    expect(counts.attempt("someone-else@example.test", "192.0.2.1", at(1))).toMatchObject({
      admitted: false,
      refusal: { scope: "global", remainingMs: 4_999 },
    });
    expect(THROTTLE_RULES.global.longestLockMs).toBeLessThanOrEqual(60_000);
  });

  it("without a client address, counts per account (gently) and globally only", () => {
    expect(signInKeys("ada@example.test", null).map((k) => k.scope)).toEqual(["global", "account"]);
    expect(signInKeys("ada@example.test", "192.0.2.1").map((k) => k.key)).toEqual([
      "global",
      "account:ada@example.test",
      "address:192.0.2.1",
      "account-address:ada@example.test|192.0.2.1",
    ]);
  });

  it("counts a password change's current-password checks per user", () => {
    expect(passwordChangeKeys("u1")).toEqual([{ scope: "password-change", key: "password-change:u1" }]);
  });

  it("clears the keys of the person who proved who they are, and only releases shared ones", () => {
    expect(THROTTLE_RULES["account-address"].onSuccess).toBe("clear");
    expect(THROTTLE_RULES.account.onSuccess).toBe("clear");
    expect(THROTTLE_RULES.address.onSuccess).toBe("release");
    expect(THROTTLE_RULES.global.onSuccess).toBe("release");
  });

  it("explains a refusal in seconds or minutes, without a word about whether the account exists", () => {
    expect(describeRefusal({ scope: "account-address", remainingMs: 61_000 })).toBe(
      "Too many failed sign-in attempts for this e-mail address. For your security, try again in 2 minutes.",
    );
    expect(describeRefusal({ scope: "account", remainingMs: 1_000 })).toContain("try again in 1 second.");
    expect(describeRefusal({ scope: "global", remainingMs: 12_500 })).toContain("13 seconds");
    expect(describeRefusal({ scope: "address", remainingMs: 59_001 })).toContain("1 minute.");
    expect(describeRefusal({ scope: "address", remainingMs: 58_999 })).toContain("59 seconds.");
    for (const scope of Object.keys(THROTTLE_RULES) as ThrottleScope[]) {
      expect(describeRefusal({ scope, remainingMs: 60_000 })).not.toMatch(/account (is|was)|exists|no such/i);
    }
  });
});
