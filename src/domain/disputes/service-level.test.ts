import { describe, expect, it } from "vitest";
import { addBusinessDays, serviceLevelState } from "./service-level";

describe("the dispute service level", () => {
  it("counts Monday to Friday only and keeps the time of day", () => {
    // Thursday 2026-11-26 10:00 UTC + 2 business days = Monday 2026-11-30 10:00.
    expect(addBusinessDays(new Date("2026-11-26T10:00:00Z"), 2).toISOString()).toBe("2026-11-30T10:00:00.000Z");
    // Saturday + 2 = Tuesday.
    expect(addBusinessDays(new Date("2026-11-28T09:00:00Z"), 2).toISOString()).toBe("2026-12-01T09:00:00.000Z");
    expect(addBusinessDays(new Date("2026-11-23T09:00:00Z"), 0).toISOString()).toBe("2026-11-23T09:00:00.000Z");
  });

  it("says how long is left, and how long it is overdue once breached", () => {
    const due = new Date("2026-11-30T10:00:00Z");
    expect(serviceLevelState(due, new Date("2026-11-30T05:00:00Z"))).toMatchObject({
      breached: false,
      label: "due in 5 h",
    });
    expect(serviceLevelState(due, new Date("2026-11-27T10:00:00Z")).label).toBe("due in 3 d");
    expect(serviceLevelState(due, new Date("2026-11-30T10:30:00Z"))).toMatchObject({ breached: true });
    expect(serviceLevelState(due, new Date("2026-12-01T13:00:00Z")).label).toBe("overdue by 27 h");
  });
});
