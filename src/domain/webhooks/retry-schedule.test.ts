import { describe, expect, it } from "vitest";
import { isDelivered, MAX_DELIVERY_ATTEMPTS, nextAttemptAfter } from "./retry-schedule";

describe("webhook retry schedule", () => {
  it("waits 1 min, 5 min, 30 min, 2 h, 6 h, then gives up after six attempts", () => {
    const at = new Date("2026-11-25T12:00:00Z");
    const waits = [1, 2, 3, 4, 5].map((n) => (nextAttemptAfter(n, at)!.getTime() - at.getTime()) / 60_000);
    expect(waits).toEqual([1, 5, 30, 120, 360]);
    expect(nextAttemptAfter(6, at)).toBeNull();
    expect(MAX_DELIVERY_ATTEMPTS).toBe(6);
  });

  it("counts only 2xx answers as delivered", () => {
    expect([200, 204, 299, 301, 400, 500].map(isDelivered)).toEqual([true, true, true, false, false, false]);
  });
});
