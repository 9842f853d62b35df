import { describe, expect, it } from "vitest";
import { describeLookers, PRESENCE_MINUTES, presentSince } from "./presence";

describe("who else is looking at a dispute", () => {
  it("counts a heartbeat for the presence window, not longer", () => {
    const now = new Date("2026-12-15T12:00:00Z");
    expect(now.getTime() - presentSince(now).getTime()).toBe(PRESENCE_MINUTES * 60_000);
  });

  it("names each other reviewer once", () => {
    expect(describeLookers([])).toBe("");
    expect(describeLookers(["Ana"])).toBe("Ana is also looking at this");
    expect(describeLookers(["Ana", "Ben", "Ana"])).toBe("Ana and Ben are also looking at this");
  });
});
