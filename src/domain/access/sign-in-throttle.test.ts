import { describe, expect, it } from "vitest";
import { afterFailure, describeLock, FREE_ATTEMPTS, lockRemainingMs, type ThrottleState } from "./sign-in-throttle";

const at = (minutes: number) => new Date(Date.UTC(2026, 10, 25, 12, minutes));

function fail(times: number, now = at(0)): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < times; i++) state = afterFailure(state, now);
  return state;
}

describe("sign-in throttle", () => {
  it("allows a few mistakes without locking", () => {
    expect(lockRemainingMs(fail(FREE_ATTEMPTS - 1), at(0))).toBe(0);
  });

  it("locks after the free attempts, longer with every further failure, at most an hour", () => {
    expect(lockRemainingMs(fail(FREE_ATTEMPTS), at(0))).toBe(60_000);
    expect(lockRemainingMs(fail(FREE_ATTEMPTS + 1), at(0))).toBe(120_000);
    expect(lockRemainingMs(fail(FREE_ATTEMPTS + 30), at(0))).toBe(3_600_000);
  });

  it("releases the lock once its time has passed", () => {
    expect(lockRemainingMs(fail(FREE_ATTEMPTS), at(2))).toBe(0);
  });

  it("forgets old failures after a quiet day", () => {
    const old = fail(FREE_ATTEMPTS - 1, at(0));
    const next = afterFailure(old, new Date(at(0).getTime() + 25 * 3_600_000));
    expect(next.failures).toBe(1);
  });

  it("explains the lock in minutes", () => {
    expect(describeLock(61_000)).toContain("2 more minutes");
    expect(describeLock(1_000)).toContain("1 more minute.");
  });
});
