import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type MergeableEvent, mergeEvents, recordLateEvents } from "./merge-events";

const at = (hour: number) => new Date(Date.UTC(2026, 10, 1, hour));
const event = (
  hour: number,
  attributes: MergeableEvent["attributes"],
  extra: Partial<MergeableEvent> = {},
): MergeableEvent => ({
  occurredAt: at(hour),
  attributes,
  aiShare: null,
  costAmount: null,
  ...extra,
});

describe("merging events into an attempt", () => {
  it("keeps, for each attribute, the value of the event that occurred last", () => {
    const merged = mergeEvents(null, [event(1, { status: "closed", csat: 5 }), event(3, { status: "reopened" })]);
    expect(merged.attributes).toEqual({ status: "reopened", csat: 5 });
  });

  it("does not let an older event that arrives late overwrite a newer value", () => {
    const first = mergeEvents(null, [event(5, { status: "reopened" })]);
    const late = mergeEvents(first, [event(2, { status: "closed", channel: "chat" })]);
    expect(late.attributes).toEqual({ status: "reopened", channel: "chat" });
    expect(late.occurredAt).toEqual(at(2));
    expect(late.lastEventAt).toEqual(at(5));
    expect(late.eventCount).toBe(2);
  });

  it("adds costs exactly, without floating-point error", () => {
    const merged = mergeEvents(null, [
      event(1, {}, { costAmount: "0.1" }),
      event(2, {}, { costAmount: "0.2" }),
      event(3, {}, { costAmount: "0.0000000001" }),
    ]);
    expect(merged.costAmount).toBe("0.3000000001");
  });

  it("adds costs of more than 20 significant digits exactly", () => {
    // decimal.js's default context rounds to 20 significant digits.
    const merged = mergeEvents(null, [
      event(1, {}, { costAmount: "9999999999.9999999999" }),
      event(2, {}, { costAmount: "9999999999.0000000001" }),
    ]);
    expect(merged.costAmount).toBe("19999999999");
    const late = recordLateEvents(merged, [event(3, {}, { costAmount: "0.0000000001" })]);
    expect(late.costAmount).toBe("19999999999.0000000001");
  });

  it("takes the AI share from the latest event that reports one", () => {
    const merged = mergeEvents(null, [event(1, {}, { aiShare: "1" }), event(2, {}, { aiShare: "0.4" }), event(3, {})]);
    expect(merged.aiShare).toBe("0.4");
  });

  it("gives the same attempt whatever order the events arrive in, batch by batch", () => {
    const events = fc.uniqueArray(
      fc.record({
        hour: fc.integer({ min: 0, max: 1000 }),
        status: fc.constantFrom("open", "closed", "reopened"),
        cost: fc.integer({ min: 0, max: 10_000 }),
      }),
      { minLength: 1, maxLength: 12, selector: (e) => e.hour },
    );
    fc.assert(
      fc.property(events, fc.integer({ min: 1, max: 12 }), (list, split) => {
        const asEvents = list.map((e) => event(e.hour, { status: e.status }, { costAmount: `${e.cost}.01` }));
        const reversed = [...asEvents].reverse();
        const inOneGo = mergeEvents(null, asEvents);
        const cut = Math.min(split, reversed.length);
        const inTwoBatches =
          cut < reversed.length
            ? mergeEvents(mergeEvents(null, reversed.slice(0, cut)), reversed.slice(cut))
            : mergeEvents(null, reversed);
        expect(inTwoBatches).toEqual(inOneGo);
      }),
    );
  });
});
