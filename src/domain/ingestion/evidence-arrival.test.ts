import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeTrailCounts, eventArrival, trailCounts } from "./evidence-arrival";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 3, 12, minute));
const window = { windowClosesAt: at(30), finalizedAt: at(31) };
const event = (minute: number, replaced: "corrected" | "voided" | null = null) => ({
  receivedAt: at(minute),
  supersededAt: replaced ? at(59) : null,
  voidReason: replaced === "voided" ? "sent twice" : null,
});

describe("when an evidence event arrived", () => {
  it("is in the window when received before or as the window closes", () => {
    expect(eventArrival(at(2), window)).toBe("in_window");
    expect(eventArrival(at(30), window)).toBe("in_window");
  });

  it("counted when received after the window closed but before the status was final", () => {
    expect(eventArrival(at(31), window)).toBe("late_counted");
    expect(eventArrival(at(45), { windowClosesAt: at(30), finalizedAt: null })).toBe("late_counted");
  });

  it("did not count when received once the status was final", () => {
    expect(eventArrival(at(32), window)).toBe("late_not_counted");
  });

  it("is late exactly when received after the window closed, whatever the finalization", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 59 }), fc.option(fc.integer({ min: 30, max: 59 })), (r, f) => {
        const arrival = eventArrival(at(r), { windowClosesAt: at(30), finalizedAt: f === null ? null : at(f) });
        expect(arrival === "in_window").toBe(r <= 30);
      }),
    );
  });
});

describe("the trail's counts", () => {
  it("counts every received event and names the corrected, voided and late ones", () => {
    const counts = trailCounts([event(1), event(2, "corrected"), event(3), event(4, "voided"), event(40)], window);
    expect(counts).toEqual({ received: 5, standing: 3, corrected: 1, voided: 1, late: 1 });
    expect(describeTrailCounts(counts)).toBe(
      "5 events, 2 of them corrected or voided, 1 received after the observation window closed",
    );
  });

  it("says just the number when nothing was replaced or late", () => {
    expect(describeTrailCounts(trailCounts([event(1), event(2), event(3)], window))).toBe("3 events");
    expect(describeTrailCounts(trailCounts([event(1)], window))).toBe("1 event");
    expect(describeTrailCounts(trailCounts([event(1), event(2, "corrected"), event(3)], window))).toBe(
      "3 events, 1 of them corrected",
    );
  });
});
