import { afterEach, describe, expect, it, vi } from "vitest";
import { clock, parseInstant, resetNow, setNow } from "./clock";

afterEach(() => {
  vi.unstubAllEnvs();
  resetNow();
});

describe("the server's clock", () => {
  it("reads the machine's time when nothing pins it", () => {
    vi.stubEnv("OUTCOME_LEDGER_NOW", "");
    resetNow();
    const before = Date.now();
    const instant = clock.now().getTime();
    expect(instant).toBeGreaterThanOrEqual(before);
    expect(instant).toBeLessThanOrEqual(Date.now());
    expect(clock.isPinned()).toBe(false);
  });

  it("starts at OUTCOME_LEDGER_NOW and ticks from there", async () => {
    vi.stubEnv("OUTCOME_LEDGER_NOW", "2028-02-29T23:30:00Z");
    resetNow();
    const first = clock.now().getTime();
    expect(first - Date.parse("2028-02-29T23:30:00Z")).toBeLessThan(1_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clock.now().getTime()).toBeGreaterThan(first);
    expect(clock.isPinned()).toBe(true);
  });

  it("ticks in step with other processes told when the pinned instant held", () => {
    vi.stubEnv("OUTCOME_LEDGER_NOW", "2027-03-01T00:30:00Z");
    const tenMinutesAgo = new Date(Date.now() - 600_000).toISOString();
    vi.stubEnv("OUTCOME_LEDGER_NOW_SINCE", tenMinutesAgo);
    resetNow();
    const drift = clock.now().getTime() - Date.parse("2027-03-01T00:40:00Z");
    expect(Math.abs(drift)).toBeLessThan(1_000);
  });

  it("stands still when a test freezes it", async () => {
    setNow("2027-03-01T00:30:00Z", { frozen: true });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clock.now().toISOString()).toBe("2027-03-01T00:30:00.000Z");
  });

  it("is refused in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("OUTCOME_LEDGER_NOW", "2027-03-01T00:30:00Z");
    expect(() => resetNow()).toThrow(/refused in production/);
    expect(() => setNow("2027-03-01T00:30:00Z")).toThrow(/cannot be moved/);
  });

  it("accepts it in production only for the end-to-end harness", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("OUTCOME_LEDGER_NOW", "2027-03-01T00:30:00Z");
    vi.stubEnv("OUTCOME_LEDGER_TEST_CLOCK", "allow");
    resetNow();
    expect(clock.now().getUTCDate()).toBe(1);
  });

  it("refuses an instant without a zone, which would depend on the machine's time zone", () => {
    expect(() => parseInstant("2027-03-01T00:30:00")).toThrow(/with a zone/);
    expect(() => parseInstant("not a date")).toThrow(/with a zone/);
    expect(parseInstant("2027-03-01T05:30:00+05:30").toISOString()).toBe("2027-03-01T00:00:00.000Z");
  });
});
