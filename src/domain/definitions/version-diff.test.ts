import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AI_SHARE_ATTRIBUTE,
  type AttributeValue,
  type Criterion,
  MISSING_RULES,
  type MissingRule,
  OPERATORS,
  type Operator,
} from "../evaluation/criteria";
import { describeDiff, diffVersions, isEmptyDiff, type VersionRuleLike } from "./version-diff";

const c = (
  attribute: string,
  operator: Operator,
  value: Criterion["value"],
  label: string,
  whenMissing: MissingRule = "fail",
): Criterion => ({ attribute, operator, value, label, whenMissing });

const closedByAi = c("closedBy", "eq", "ai", "Closed by the AI", "pending");
const notReopened = c("reopened", "is_false", undefined, "Not reopened within 72 hours", "pass");
const satisfied = c("csat", "gte", 4, "Customer satisfied", "pass");

const v = (number: number, criteria: Criterion[], hours = 72, price = "0.99"): VersionRuleLike => ({
  number,
  criteria,
  observationWindowHours: hours,
  defaultUnitPrice: price,
});

describe("diffVersions", () => {
  it("finds nothing between a version and itself", () => {
    const a = v(1, [closedByAi, notReopened, satisfied]);
    const d = diffVersions(a, a);
    expect(isEmptyDiff(d)).toBe(true);
    expect(describeDiff(d)).toEqual([]);
  });

  it("finds added and removed criteria by attribute", () => {
    const d = diffVersions(v(1, [closedByAi, satisfied]), v(2, [closedByAi, notReopened]));
    expect(d.added).toEqual([notReopened]);
    expect(d.removed).toEqual([satisfied]);
    expect(d.changed).toEqual([]);
    expect(d.reordered).toBe(false);
    expect(describeDiff(d)).toEqual([
      "Removed: Customer satisfied (csat is at least 4; missing counts as pass)",
      "Added: Not reopened within 72 hours (reopened is false; missing counts as pass)",
    ]);
  });

  it("reports which fields of a criterion changed", () => {
    const stricter = { ...satisfied, value: 5, whenMissing: "fail" as const, label: "Very satisfied" };
    const d = diffVersions(v(1, [closedByAi, satisfied]), v(2, [closedByAi, stricter]));
    expect(d.changed).toEqual([
      { attribute: "csat", before: satisfied, after: stricter, fields: ["value", "label", "whenMissing"] },
    ]);
    expect(describeDiff(d)).toEqual([
      'Changed: Very satisfied — rule csat is at least 4 → csat is at least 5; missing value: pass → fail; label "Customer satisfied" → "Very satisfied"',
    ]);
  });

  it("reports an operator change as a change, not a removal and an addition", () => {
    const gt = { ...satisfied, operator: "gt" as const, value: 3 };
    const d = diffVersions(v(1, [satisfied]), v(2, [gt]));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed[0]!.fields).toEqual(["operator", "value"]);
    expect(describeDiff(d)).toEqual(["Changed: Customer satisfied — rule csat is at least 4 → csat is above 3"]);
  });

  it("says when a missing-rule change has no effect", () => {
    const exists = c("closedAt", "exists", undefined, "Closed", "fail");
    const d = diffVersions(v(1, [exists]), v(2, [{ ...exists, whenMissing: "pass" }]));
    expect(describeDiff(d)).toEqual([
      "Changed: Closed — missing value: fail → pass (no effect: if not reported, this counts as not met)",
    ]);
  });

  it("matches an attribute that appears twice by attribute and operator", () => {
    const atLeast3 = c("csat", "gte", 3, "CSAT at least 3");
    const atMost5 = c("csat", "lte", 5, "CSAT at most 5");
    const d = diffVersions(v(1, [atLeast3, atMost5]), v(2, [{ ...atMost5, value: 4 }, atLeast3]));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(d.changed).toEqual([
      { attribute: "csat", before: atMost5, after: { ...atMost5, value: 4 }, fields: ["value"] },
    ]);
    expect(d.reordered).toBe(true);
  });

  it("notices a reorder, and that the order does not change the outcome", () => {
    const d = diffVersions(v(1, [closedByAi, notReopened, satisfied]), v(2, [satisfied, closedByAi, notReopened]));
    expect(d.reordered).toBe(true);
    expect(describeDiff(d)).toEqual(["Criteria reordered (the order does not change which attempts count)"]);
  });

  it("does not call it a reorder when criteria are only added or removed around the rest", () => {
    const d = diffVersions(v(1, [closedByAi, notReopened, satisfied]), v(2, [satisfied]));
    expect(d.reordered).toBe(false);
  });

  it("compares lists element by element", () => {
    const channels = c("channel", "in", ["email", "chat"], "Supported channel");
    expect(isEmptyDiff(diffVersions(v(1, [channels]), v(2, [{ ...channels, value: ["email", "chat"] }])))).toBe(true);
    expect(diffVersions(v(1, [channels]), v(2, [{ ...channels, value: ["email"] }])).changed[0]!.fields).toEqual([
      "value",
    ]);
    expect(diffVersions(v(1, [c("n", "eq", 1, "N")]), v(2, [c("n", "eq", "1", "N")])).changed[0]!.fields).toEqual([
      "value",
    ]);
  });

  it("reports the window and the price, comparing prices as exact decimals", () => {
    const d = diffVersions(v(1, [], 72, "0.99"), v(2, [], 96, "1.05"));
    expect(d.window).toEqual({ before: 72, after: 96 });
    expect(d.price).toEqual({ before: "0.99", after: "1.05" });
    expect(describeDiff(d)).toEqual(["Observation window 72 h → 96 h", "Default price 0.99 → 1.05"]);
    expect(describeDiff(d, { currency: "USD" })[1]).toBe("Default price 0.99 USD → 1.05 USD");
    expect(diffVersions(v(1, [], 72, "0.99"), v(2, [], 72, "0.990")).price).toBeNull();
    expect(diffVersions(v(1, [], 72, "0.99"), v(2, [], 72, "0.9900000000")).price).toBeNull();
    expect(diffVersions(v(1, [], 72, "0.99"), v(2, [], 72, "0.9900000001")).price).not.toBeNull();
  });

  it("keeps the version numbers", () => {
    const d = diffVersions(v(2, []), v(3, []));
    expect([d.from, d.to]).toEqual([2, 3]);
  });
});

// --- Properties ------------------------------------------------------------------------------

const valueArb: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.constantFrom("email", "chat", "ai"),
  fc.boolean(),
);
const criterionArb: fc.Arbitrary<Criterion> = fc.record({
  attribute: fc.constantFrom("csat", "channel", "reopened", "closedBy", AI_SHARE_ATTRIBUTE),
  operator: fc.constantFrom(...OPERATORS),
  value: fc.option(fc.oneof(valueArb, fc.array(valueArb, { maxLength: 3 })), { nil: undefined }),
  label: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== "" && !/undefined|null|NaN/i.test(s)),
  whenMissing: fc.constantFrom(...MISSING_RULES),
});
const priceArb = fc
  .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 3 }))
  .map(([n, pad]) => `${(n / 1000).toFixed(3)}${"0".repeat(pad)}`);
const versionArb = fc.record({
  number: fc.nat(100),
  criteria: fc.array(criterionArb, { maxLength: 6 }),
  observationWindowHours: fc.constantFrom(0, 24, 72, 96),
  defaultUnitPrice: priceArb,
});

describe("version diff: properties", () => {
  it("is empty between a version and a copy of itself", () => {
    fc.assert(
      fc.property(versionArb, (a) => {
        const copy = structuredClone(a);
        const d = diffVersions(a, copy);
        expect(isEmptyDiff(d)).toBe(true);
        expect(describeDiff(d)).toEqual([]);
      }),
    );
  });

  it("accounts for every criterion exactly once: kept, changed, added or removed", () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        const d = diffVersions(a, b);
        const matched = b.criteria.length - d.added.length;
        expect(a.criteria.length - d.removed.length).toBe(matched);
        expect(d.changed.length).toBeLessThanOrEqual(matched);
        for (const ch of d.changed) {
          expect(ch.before.attribute).toBe(ch.attribute);
          expect(ch.after.attribute).toBe(ch.attribute);
          expect(ch.fields.length).toBeGreaterThan(0);
        }
        // An added criterion never has an unmatched criterion of the same attribute on the other side.
        for (const added of d.added) expect(d.removed.some((r) => r.attribute === added.attribute)).toBe(false);
      }),
    );
  });

  it("lists every change in describeDiff, one line each", () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        const d = diffVersions(a, b);
        const lines = describeDiff(d);
        const expected =
          d.added.length +
          d.removed.length +
          d.changed.length +
          (d.reordered ? 1 : 0) +
          (d.window ? 1 : 0) +
          (d.price ? 1 : 0);
        expect(lines).toHaveLength(expected);
        const removed = lines.filter((l) => l.startsWith("Removed: "));
        const added = lines.filter((l) => l.startsWith("Added: "));
        const changed = lines.filter((l) => l.startsWith("Changed: "));
        d.removed.forEach((r, i) => {
          expect(removed[i]).toContain(r.label.trim());
        });
        d.added.forEach((r, i) => {
          expect(added[i]).toContain(r.label.trim());
        });
        d.changed.forEach((ch, i) => {
          expect(changed[i]).toContain(ch.after.label.trim());
          if (ch.fields.includes("label")) expect(changed[i]).toContain(JSON.stringify(ch.before.label));
        });
        expect(lines.some((l) => l.startsWith("Observation window"))).toBe(d.window !== null);
        expect(lines.some((l) => l.startsWith("Default price"))).toBe(d.price !== null);
        expect(lines.join("\n")).not.toMatch(/undefined|\bnull\b|NaN/);
      }),
    );
  });

  it("is symmetric: swapping the versions swaps added and removed", () => {
    fc.assert(
      fc.property(versionArb, versionArb, (a, b) => {
        const ab = diffVersions(a, b);
        const ba = diffVersions(b, a);
        expect(ba.added.length).toBe(ab.removed.length);
        expect(ba.removed.length).toBe(ab.added.length);
        expect(ba.window === null).toBe(ab.window === null);
        expect(ba.price === null).toBe(ab.price === null);
      }),
    );
  });

  it("sees no change in the criteria when only their order changes", () => {
    const arb = versionArb.chain((a) =>
      fc.tuple(fc.constant(a), fc.shuffledSubarray(a.criteria, { minLength: a.criteria.length })),
    );
    fc.assert(
      fc.property(arb, ([a, shuffled]) => {
        const d = diffVersions(a, { ...a, criteria: shuffled });
        expect(d.added).toEqual([]);
        expect(d.removed).toEqual([]);
        expect(d.changed).toEqual([]);
      }),
    );
  });
});
