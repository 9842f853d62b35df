import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AI_SHARE_ATTRIBUTE,
  type AttemptFacts,
  type Attributes,
  type AttributeValue,
  type Criterion,
  MISSING_RULES,
  type MissingRule,
  OPERATORS,
  type Operator,
  type VersionRule,
} from "./criteria";
import { chooseVersion, describeCriterion, evaluateAttempt, evaluateStatus } from "./evaluate-attempt";

const HOUR = 3_600_000;
const occurredAt = new Date("2026-03-01T10:00:00.000Z");
const msAfter = (ms: number) => new Date(occurredAt.getTime() + ms);
const closed = msAfter(72 * HOUR);

function rule(attribute: string, operator: Operator, value?: Criterion["value"], whenMissing: MissingRule = "fail") {
  return { attribute, operator, value, label: `${attribute} rule`, whenMissing } satisfies Criterion;
}

function version(criteria: Criterion[], observationWindowHours = 72): VersionRule {
  const effectiveFrom = new Date("2026-01-01T00:00:00Z");
  return { id: "v-3", number: 3, criteria, observationWindowHours, effectiveFrom, status: "published" };
}

function facts(attributes: Attributes = {}, aiShare: string | null = null): AttemptFacts {
  return { attributes, aiShare, occurredAt };
}

/** The single criterion's result, evaluated after the window closed unless told otherwise. */
function check(criterion: Criterion, attributes: Attributes, { aiShare = null as string | null, now = closed } = {}) {
  return evaluateAttempt(facts(attributes, aiShare), version([criterion]), now).criteria[0]!;
}

describe("evaluateAttempt: operators", () => {
  const cases: [string, Criterion, Attributes, "pass" | "fail"][] = [
    ["eq passes on the same number", rule("csat", "eq", 4), { csat: 4 }, "pass"],
    ["eq treats 4 and 4.0 as the same number", rule("csat", "eq", 4.0), { csat: 4 }, "pass"],
    ["eq fails on a different number", rule("csat", "eq", 4), { csat: 5 }, "fail"],
    ["eq fails when the types differ, even if they print alike", rule("csat", "eq", 4), { csat: "4" }, "fail"],
    ["eq passes on the same text", rule("channel", "eq", "email"), { channel: "email" }, "pass"],
    ["eq passes on the same boolean", rule("reopened", "eq", false), { reopened: false }, "pass"],
    ["neq passes on a different value", rule("channel", "neq", "test"), { channel: "email" }, "pass"],
    ["neq passes when only the type differs", rule("csat", "neq", 4), { csat: "4" }, "pass"],
    ["neq fails on the same value", rule("channel", "neq", "test"), { channel: "test" }, "fail"],
    ["lt passes below the bound", rule("minutes", "lt", 10), { minutes: 9.5 }, "pass"],
    ["lt fails at the bound", rule("minutes", "lt", 10), { minutes: 10 }, "fail"],
    ["lte passes at the bound", rule("minutes", "lte", 10), { minutes: 10 }, "pass"],
    ["lte fails above the bound", rule("minutes", "lte", 10), { minutes: 10.01 }, "fail"],
    ["gt passes above the bound", rule("csat", "gt", 3), { csat: 4 }, "pass"],
    ["gt fails at the bound", rule("csat", "gt", 3), { csat: 3 }, "fail"],
    ["gte passes at the bound", rule("csat", "gte", 4), { csat: 4 }, "pass"],
    ["gte fails below the bound", rule("csat", "gte", 4), { csat: 3 }, "fail"],
    ["gte handles negative numbers", rule("delta", "gte", -1), { delta: -2 }, "fail"],
    ["numbers in exponent notation compare by value", rule("bytes", "gt", 1e20), { bytes: 1e21 }, "pass"],
    ["tiny numbers compare by value", rule("error", "lt", 0.000001), { error: 1e-7 }, "pass"],
    [
      "text orders by code point, so ISO timestamps order by time",
      rule("closedAt", "lt", "2026-03-02T00:00:00Z"),
      { closedAt: "2026-03-01T23:59:59Z" },
      "pass",
    ],
    [
      "text ordering fails when later",
      rule("closedAt", "lt", "2026-03-02T00:00:00Z"),
      { closedAt: "2026-03-02T00:00:01Z" },
      "fail",
    ],
    ["text orders astral characters after all BMP ones", rule("tag", "gt", "\uffff"), { tag: "😀" }, "pass"],
    ["in passes for a listed value", rule("channel", "in", ["email", "chat"]), { channel: "chat" }, "pass"],
    ["in fails for an unlisted value", rule("channel", "in", ["email", "chat"]), { channel: "phone" }, "fail"],
    ["in matches numbers exactly", rule("tier", "in", [1, 2]), { tier: 2.0 }, "pass"],
    ["in uses strict types", rule("tier", "in", [1, 2]), { tier: "2" }, "fail"],
    ["not_in passes for an unlisted value", rule("channel", "not_in", ["test"]), { channel: "email" }, "pass"],
    ["not_in fails for a listed value", rule("channel", "not_in", ["test"]), { channel: "test" }, "fail"],
    ["exists passes for any reported value", rule("csat", "exists"), { csat: 0 }, "pass"],
    ["exists passes for a reported false", rule("reopened", "exists"), { reopened: false }, "pass"],
    ["is_true passes on true", rule("closedByAi", "is_true"), { closedByAi: true }, "pass"],
    ["is_true fails on false", rule("closedByAi", "is_true"), { closedByAi: false }, "fail"],
    ["is_false passes on false", rule("reopened", "is_false"), { reopened: false }, "pass"],
    ["is_false fails on true", rule("reopened", "is_false"), { reopened: true }, "fail"],
  ];

  it.each(cases)("%s", (_name, criterion, attributes, expected) => {
    expect(check(criterion, attributes).result).toBe(expected);
  });

  it("explains a failed comparison and a passed one in plain words", () => {
    expect(check(rule("csat", "gte", 4), { csat: 3 }).explanation).toBe("csat is 3, needs ≥ 4");
    expect(check(rule("csat", "gte", 4), { csat: 5 }).explanation).toBe("csat is 5, as required (≥ 4)");
    expect(check(rule("reopened", "is_false"), { reopened: false }).explanation).toBe("reopened is false, as required");
    expect(check(rule("channel", "in", ["email", "chat"]), { channel: "fax" }).explanation).toBe(
      'channel is "fax", needs one of "email", "chat"',
    );
  });

  it("records what was expected, what was observed and the rule's own words", () => {
    const result = check(rule("channel", "in", ["email", "chat"], "pending"), { channel: "chat" });
    expect(result).toEqual({
      attribute: "channel",
      operator: "in",
      expected: ["email", "chat"],
      observed: "chat",
      label: "channel rule",
      whenMissing: "pending",
      result: "pass",
      explanation: 'channel is "chat", as required (one of "email", "chat")',
    });
    expect(check(rule("csat", "exists"), {}).expected).toBeNull();
  });
});

describe("evaluateAttempt: type mismatches fail with a reason", () => {
  it("fails a numeric comparison against text", () => {
    const result = check(rule("csat", "gte", 4), { csat: "abc" });
    expect(result).toMatchObject({ result: "fail", explanation: 'expected a number, got "abc"' });
  });

  it("fails a text comparison against a number", () => {
    expect(check(rule("closedAt", "lt", "2026-03-02"), { closedAt: 3 })).toMatchObject({
      result: "fail",
      explanation: "expected text, got 3",
    });
  });

  it("fails is_true and is_false on anything but a boolean", () => {
    expect(check(rule("reopened", "is_false"), { reopened: "no" })).toMatchObject({
      result: "fail",
      explanation: 'expected true or false, got "no"',
    });
    expect(check(rule("closedByAi", "is_true"), { closedByAi: 1 }).result).toBe("fail");
  });

  it("fails an ordering against a boolean, which has no order", () => {
    expect(check(rule("reopened", "lt", true), { reopened: false }).result).toBe("fail");
  });

  it("fails a rule whose value does not fit its operator instead of guessing", () => {
    expect(check(rule("csat", "gte"), { csat: 5 }).result).toBe("fail");
    expect(check(rule("csat", "eq", [5]), { csat: 5 }).result).toBe("fail");
    expect(check(rule("channel", "in", "email"), { channel: "email" }).result).toBe("fail");
  });
});

describe("evaluateAttempt: missing values", () => {
  const open = msAfter(HOUR);

  it("passes under the pass rule, window open or closed", () => {
    for (const now of [open, closed]) expect(check(rule("csat", "gte", 4, "pass"), {}, { now }).result).toBe("pass");
  });

  it("fails under the fail rule, window open or closed", () => {
    for (const now of [open, closed]) expect(check(rule("csat", "gte", 4, "fail"), {}, { now }).result).toBe("fail");
  });

  it("waits under the pending rule while the window is open", () => {
    expect(check(rule("csat", "gte", 4, "pending"), {}, { now: open })).toMatchObject({
      result: "pending",
      observed: null,
      explanation: "not reported yet; waiting until the window closes",
    });
  });

  it("fails under the pending rule once the window has closed", () => {
    expect(check(rule("csat", "gte", 4, "pending"), {}, { now: closed })).toMatchObject({
      result: "fail",
      explanation: "not reported within the 72-hour observation window",
    });
  });

  it("never lets exists pass on a missing value, but lets it wait under the pending rule", () => {
    expect(check(rule("csat", "exists", undefined, "pass"), {}).result).toBe("fail");
    expect(check(rule("csat", "exists", undefined, "fail"), {}).result).toBe("fail");
    expect(check(rule("csat", "exists", undefined, "pending"), {}, { now: open }).result).toBe("pending");
    expect(check(rule("csat", "exists", undefined, "pending"), {}, { now: closed }).result).toBe("fail");
  });

  it("treats an unreported AI share as missing", () => {
    expect(check(rule(AI_SHARE_ATTRIBUTE, "gte", 0.5, "pass"), {}).result).toBe("pass");
    expect(check(rule(AI_SHARE_ATTRIBUTE, "gte", 0.5, "fail"), {}).result).toBe("fail");
  });

  it("does not mistake built-in object properties for reported attributes", () => {
    expect(check(rule("constructor", "exists"), {}).result).toBe("fail");
    expect(check(rule("toString", "exists", undefined, "pending"), {}, { now: open }).result).toBe("pending");
  });
});

describe("evaluateAttempt: the observation window", () => {
  const passing = version([rule("csat", "gte", 4)], 72);
  const closesAt = msAfter(72 * HOUR);

  it("is closed exactly at occurredAt + window hours", () => {
    const trace = evaluateAttempt(facts({ csat: 5 }), passing, closesAt);
    expect(trace).toMatchObject({ status: "billable", final: true, windowClosesAt: closesAt.toISOString() });
  });

  it("is still open one millisecond before", () => {
    const trace = evaluateAttempt(facts({ csat: 5 }), passing, new Date(closesAt.getTime() - 1));
    expect(trace).toMatchObject({ status: "pending", final: false });
  });

  it("keeps an attempt pending while open even when a criterion already fails", () => {
    expect(evaluateAttempt(facts({ csat: 1 }), passing, msAfter(HOUR)).status).toBe("pending");
  });

  it("is not billable after close when any criterion fails", () => {
    expect(evaluateAttempt(facts({ csat: 1 }), passing, closesAt).status).toBe("not_billable");
  });

  it("is final immediately with a zero-hour window", () => {
    const trace = evaluateAttempt(facts({ csat: 5 }), version([rule("csat", "gte", 4)], 0), occurredAt);
    expect(trace).toMatchObject({ status: "billable", final: true, windowClosesAt: occurredAt.toISOString() });
  });

  it("makes a version without criteria billable once closed, pending before", () => {
    expect(evaluateAttempt(facts(), version([]), closesAt).status).toBe("billable");
    expect(evaluateAttempt(facts(), version([]), msAfter(1)).status).toBe("pending");
  });

  it("stamps the trace with the version and the evaluation time", () => {
    const now = msAfter(100 * HOUR);
    expect(evaluateAttempt(facts(), version([]), now)).toMatchObject({
      versionId: "v-3",
      versionNumber: 3,
      evaluatedAt: now.toISOString(),
    });
  });
});

describe("evaluateAttempt: AI share is compared as an exact decimal", () => {
  const share = (operator: Operator, value: number, aiShare: string) =>
    check(rule(AI_SHARE_ATTRIBUTE, operator, value), {}, { aiShare }).result;

  it("passes 0.1 ≥ 0.1 and 0.3 = 0.3 without float error", () => {
    expect(share("gte", 0.1, "0.1")).toBe("pass");
    expect(share("eq", 0.3, "0.3")).toBe("pass");
    expect(share("lte", 0.3, "0.3")).toBe("pass");
  });

  it("ignores trailing zeros and a missing leading zero", () => {
    expect(share("eq", 0.4, "0.40")).toBe("pass");
    expect(share("eq", 1, "1.000")).toBe("pass");
    expect(share("eq", 0.5, ".5")).toBe("pass");
  });

  it("sees the difference a float sum would hide", () => {
    expect(share("gt", 0.3, "0.30000000000000001")).toBe("pass");
    expect(share("eq", 0.3, "0.30000000000000001")).toBe("fail");
    expect(share("lt", 0.7, "0.69999999999999999999")).toBe("pass");
    expect(share("lt", 0.7, "0.7")).toBe("fail");
  });

  it("shows the share as a number and explains with the provider's exact text", () => {
    const result = check(rule(AI_SHARE_ATTRIBUTE, "gte", 0.5), {}, { aiShare: "0.40" });
    expect(result).toMatchObject({ observed: 0.4, explanation: "AI share is 0.40, needs ≥ 0.5" });
  });

  it("fails with a reason when the share is not a decimal", () => {
    expect(check(rule(AI_SHARE_ATTRIBUTE, "gte", 0.5), {}, { aiShare: "most" })).toMatchObject({
      result: "fail",
      explanation: 'expected a number, got "most"',
    });
  });

  it("reads the share from the attempt, not from an attribute of the same name", () => {
    expect(check(rule(AI_SHARE_ATTRIBUTE, "gte", 0.5), { aiShare: 1 }, { aiShare: "0.2" }).result).toBe("fail");
  });
});

describe("chooseVersion", () => {
  const v = (number: number, effectiveFrom: string | null, status: VersionRule["status"] = "published") => ({
    number,
    status,
    effectiveFrom: effectiveFrom === null ? null : new Date(effectiveFrom),
  });
  const v1 = v(1, "2026-01-01T00:00:00Z", "retired");
  const v2 = v(2, "2026-03-01T00:00:00Z");

  it("picks the new version for an attempt exactly at its effective time", () => {
    expect(chooseVersion([v1, v2], new Date("2026-03-01T00:00:00Z"))).toBe(v2);
  });

  it("keeps the old (even retired) version one millisecond before", () => {
    expect(chooseVersion([v2, v1], new Date("2026-02-28T23:59:59.999Z"))).toBe(v1);
  });

  it("never applies drafts, dated or not", () => {
    const draft = v(3, "2026-02-01T00:00:00Z", "draft");
    expect(chooseVersion([v1, draft, v(4, null, "draft")], new Date("2026-02-15T00:00:00Z"))).toBe(v1);
  });

  it("returns null when nothing was in force yet", () => {
    expect(chooseVersion([v1, v2], new Date("2025-12-31T23:59:59.999Z"))).toBeNull();
    expect(chooseVersion([], occurredAt)).toBeNull();
  });

  it("prefers the higher number when two versions share an effective time", () => {
    const v3 = v(3, "2026-03-01T00:00:00Z");
    expect(chooseVersion([v3, v2], new Date("2026-04-01T00:00:00Z"))).toBe(v3);
    expect(chooseVersion([v2, v3], new Date("2026-04-01T00:00:00Z"))).toBe(v3);
  });
});

describe("describeCriterion", () => {
  it("reads like the rule a customer agreed to", () => {
    expect(describeCriterion(rule("csat", "gte", 4, "pass"))).toBe("csat ≥ 4 (passes when not reported)");
    expect(describeCriterion(rule("channel", "in", ["email", "chat"]))).toBe('channel in "email", "chat"');
    expect(describeCriterion(rule("reopened", "is_false", undefined, "pending"))).toBe(
      "reopened is false (pending until reported)",
    );
    expect(describeCriterion(rule(AI_SHARE_ATTRIBUTE, "gte", 0.8))).toBe("AI share ≥ 0.8");
    expect(describeCriterion(rule("tag", "not_in", []))).toBe("tag not in (nothing)");
  });

  it("does not promise that exists passes on a missing value", () => {
    expect(describeCriterion(rule("csat", "exists", undefined, "pass"))).toBe("csat exists");
  });
});

// --- Properties ------------------------------------------------------------------------------

const names = ["csat", "channel", "reopened", AI_SHARE_ATTRIBUTE];
const valueArb: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom("email", "chat", "abc", "2026-03-01T00:00:00Z"),
  fc.boolean(),
);
const criterionArb: fc.Arbitrary<Criterion> = fc.record({
  attribute: fc.constantFrom(...names),
  operator: fc.constantFrom(...OPERATORS),
  value: fc.option(fc.oneof(valueArb, fc.array(valueArb, { maxLength: 3 })), { nil: undefined }),
  label: fc.string({ maxLength: 10 }),
  whenMissing: fc.constantFrom(...MISSING_RULES),
});
const attributesArb = fc.dictionary(fc.constantFrom("csat", "channel", "reopened", "other"), valueArb);
const shareText = (tenThousandths: number) =>
  `${Math.floor(tenThousandths / 10_000)}.${String(tenThousandths % 10_000).padStart(4, "0")}`;
const aiShareArb = fc.option(fc.oneof(fc.integer({ min: 0, max: 10_000 }).map(shareText), fc.constant("n/a")), {
  nil: null,
});
const versionArb = fc
  .tuple(fc.array(criterionArb, { maxLength: 5 }), fc.integer({ min: 0, max: 1_000 }))
  .map(([criteria, hours]) => version(criteria, hours));

describe("evaluateAttempt: properties", () => {
  it("keeps every attempt pending while its window is open", () => {
    const arb = versionArb
      .filter((v) => v.observationWindowHours > 0)
      .chain((v) => fc.tuple(fc.constant(v), fc.integer({ min: -1e10, max: v.observationWindowHours * HOUR - 1 })));
    fc.assert(
      fc.property(arb, attributesArb, aiShareArb, ([v, elapsed], attributes, aiShare) => {
        const trace = evaluateAttempt(facts(attributes, aiShare), v, msAfter(elapsed));
        expect(trace.status).toBe("pending");
        expect(trace.final).toBe(false);
      }),
    );
  });

  it("after close, is billable exactly when every criterion passes, and nothing is left pending", () => {
    fc.assert(
      fc.property(versionArb, attributesArb, aiShareArb, fc.nat(1e10), (v, attributes, aiShare, late) => {
        const trace = evaluateAttempt(facts(attributes, aiShare), v, msAfter(v.observationWindowHours * HOUR + late));
        expect(trace.final).toBe(true);
        expect(trace.status === "billable").toBe(trace.criteria.every((r) => r.result === "pass"));
        expect(trace.criteria.some((r) => r.result === "pending")).toBe(false);
      }),
    );
  });

  it("is deterministic and does not depend on the order of attribute keys", () => {
    const arb = attributesArb.chain((a) =>
      fc.tuple(fc.constant(a), fc.shuffledSubarray(Object.entries(a), { minLength: Object.keys(a).length })),
    );
    fc.assert(
      fc.property(versionArb, arb, aiShareArb, fc.integer({ min: -1e10, max: 1e10 }), (v, [a, shuffled], share, t) => {
        const first = evaluateAttempt(facts(a, share), v, msAfter(t));
        expect(evaluateAttempt(facts(a, share), v, msAfter(t))).toEqual(first);
        expect(evaluateAttempt(facts(Object.fromEntries(shuffled), share), v, msAfter(t))).toEqual(first);
      }),
    );
  });

  const reference: Record<"eq" | "neq" | "lt" | "lte" | "gt" | "gte", (a: bigint, b: bigint) => boolean> = {
    eq: (a, b) => a === b,
    neq: (a, b) => a !== b,
    lt: (a, b) => a < b,
    lte: (a, b) => a <= b,
    gt: (a, b) => a > b,
    gte: (a, b) => a >= b,
  };
  const comparisonArb = fc.constantFrom(...(Object.keys(reference) as (keyof typeof reference)[]));

  it("compares integers as BigInt arithmetic does", () => {
    const intArb = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.maxSafeInteger(), fc.integer());
    fc.assert(
      fc.property(comparisonArb, intArb, intArb, (op, observed, bound) => {
        const expected = reference[op](BigInt(observed), BigInt(bound)) ? "pass" : "fail";
        expect(check(rule("n", op, bound), { n: observed }).result).toBe(expected);
      }),
    );
  });

  it("compares an AI share with a bound as exact scaled integers do", () => {
    const hundredths = fc.integer({ min: 0, max: 100 });
    fc.assert(
      fc.property(comparisonArb, fc.integer({ min: 0, max: 10_000 }), hundredths, (op, share, bound) => {
        const expected = reference[op](BigInt(share), BigInt(bound) * 100n) ? "pass" : "fail";
        const result = check(rule(AI_SHARE_ATTRIBUTE, op, bound / 100), {}, { aiShare: shareText(share) }).result;
        expect(result).toBe(expected);
      }),
    );
  });

  it("makes in and not_in opposites whenever the attribute is reported", () => {
    fc.assert(
      fc.property(valueArb, fc.array(valueArb, { maxLength: 4 }), fc.boolean(), (value, list, open) => {
        const now = open ? occurredAt : closed;
        const isIn = check(rule("x", "in", list, "pending"), { x: value }, { now }).result;
        const notIn = check(rule("x", "not_in", list, "pending"), { x: value }, { now }).result;
        expect([isIn, notIn].sort()).toEqual(["fail", "pass"]);
      }),
    );
  });
});

describe("evaluateStatus", () => {
  // Times cluster around the window's close, where the two could most easily disagree.
  const nearClose = (v: VersionRule) =>
    fc.oneof(
      fc.integer({ min: -1e10, max: 1e10 }).map((t) => msAfter(t)),
      fc.integer({ min: -2, max: 2 }).map((d) => msAfter(v.observationWindowHours * HOUR + d)),
    );

  it("gives exactly the status evaluateAttempt gives, for any facts, version and time", () => {
    const arb = versionArb.chain((v) => fc.tuple(fc.constant(v), nearClose(v)));
    fc.assert(
      fc.property(arb, attributesArb, aiShareArb, ([v, now], attributes, aiShare) => {
        const f = facts(attributes, aiShare);
        expect(evaluateStatus(f, v, now)).toBe(evaluateAttempt(f, v, now).status);
      }),
      { numRuns: 2_000 },
    );
  });

  it("agrees on the edge cases by name", () => {
    const v = version([rule("csat", "gte", 4, "pending"), rule("reopened", "is_false", undefined, "pass")]);
    const cases: [Attributes, Date][] = [
      [{ csat: 5 }, closed],
      [{ csat: 3 }, closed],
      [{}, closed],
      [{ csat: 5, reopened: true }, closed],
      [{ csat: 5 }, msAfter(72 * HOUR - 1)],
      [{ csat: "5" }, closed],
    ];
    for (const [attributes, now] of cases) {
      expect(evaluateStatus(facts(attributes), v, now)).toBe(evaluateAttempt(facts(attributes), v, now).status);
    }
    expect(evaluateStatus(facts({ csat: 5 }), v, closed)).toBe("billable");
    expect(evaluateStatus(facts({}), v, closed)).toBe("not_billable");
    expect(evaluateStatus(facts({ csat: 5 }), v, msAfter(72 * HOUR - 1))).toBe("pending");
  });
});
