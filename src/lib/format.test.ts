import { describe, expect, it } from "vitest";
import { formatDateTimeIn, formatDayIn, formatServicePeriod } from "./format";

describe("times in the customer's zone", () => {
  const at = new Date("2026-12-08T02:00:00Z");

  it("shows an instant in the customer's zone with the zone named, whatever the machine's", () => {
    expect(formatDateTimeIn(at, "America/New_York")).toBe("Dec 7, 2026, 9:00 PM EST");
    expect(formatDateTimeIn(at, "Europe/London")).toBe("Dec 8, 2026, 2:00 AM GMT");
    expect(formatDateTimeIn(new Date("2026-07-01T16:30:00Z"), "America/New_York")).toBe("Jul 1, 2026, 12:30 PM EDT");
  });

  it("takes the day an instant falls on in that zone", () => {
    expect(formatDayIn(at, "America/New_York")).toBe("Dec 7, 2026");
    expect(formatDayIn(at, "UTC")).toBe("Dec 8, 2026");
  });

  it("names a billing period as a UTC calendar month", () => {
    expect(formatServicePeriod(new Date("2026-11-01T00:00:00Z"), new Date("2026-12-01T00:00:00Z"))).toBe(
      "Nov 1, 2026 – Nov 30, 2026 (UTC calendar month)",
    );
  });
});
