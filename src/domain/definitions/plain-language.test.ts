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
  type VersionRule,
} from "../evaluation/criteria";
import { evaluateAttempt } from "../evaluation/evaluate-attempt";
import {
  describeCriterion,
  describeMissing,
  describeRule,
  describeVersion,
  describeWindow,
  formatPrice,
  OPERATOR_WORDS,
} from "./plain-language";

const c = (
  attribute: string,
  operator: Operator,
  value: Criterion["value"],
  label: string,
  whenMissing: MissingRule = "fail",
): Criterion => ({ attribute, operator, value, label, whenMissing });

const ticketResolved = {
  number: 2,
  criteria: [
    c("closedBy", "eq", "ai", "Closed by the AI", "pending"),
    c("reopened", "is_false", undefined, "Not reopened within 72 hours", "pass"),
    c("csat", "gte", 4, "Customer satisfied", "pass"),
    c(AI_SHARE_ATTRIBUTE, "gte", 0.5, "Mostly the AI's work"),
  ],
  observationWindowHours: 72,
  defaultUnitPrice: "0.99",
};

describe("describeCriterion", () => {
  it("reads as the label, the exact rule and what a missing value means", () => {
    expect(describeCriterion(ticketResolved.criteria[0]!)).toBe(
      'Closed by the AI — closedBy is "ai"; if not reported, this stays pending until the observation window closes, then counts as not met',
    );
    expect(describeCriterion(ticketResolved.criteria[1]!)).toBe(
      "Not reopened within 72 hours — reopened is false; if not reported, this counts as met",
    );
    expect(describeCriterion(ticketResolved.criteria[2]!)).toBe(
      "Customer satisfied — csat is at least 4; if not reported, this counts as met",
    );
  });

  it("renders the AI share as the AI's share of the work, in exact percentages", () => {
    expect(describeCriterion(ticketResolved.criteria[3]!)).toBe(
      "Mostly the AI's work — the AI's share of the work is at least 50 %; if not reported, this counts as not met",
    );
    expect(describeRule(c(AI_SHARE_ATTRIBUTE, "gt", 0.07, ""))).toBe("the AI's share of the work is above 7 %");
    expect(describeRule(c(AI_SHARE_ATTRIBUTE, "lt", 0.333, ""))).toBe("the AI's share of the work is below 33.3 %");
    expect(describeRule(c(AI_SHARE_ATTRIBUTE, "in", [0, 1], ""))).toBe(
      "the AI's share of the work is one of 0 %, 100 %",
    );
  });

  it("has words for every operator", () => {
    const cases: [Criterion, string][] = [
      [c("channel", "eq", "email", ""), 'channel is "email"'],
      [c("channel", "neq", "test", ""), 'channel is not "test"'],
      [c("minutes", "lt", 10, ""), "minutes is below 10"],
      [c("minutes", "lte", 10, ""), "minutes is at most 10"],
      [c("csat", "gt", 3, ""), "csat is above 3"],
      [c("csat", "gte", 4, ""), "csat is at least 4"],
      [c("channel", "in", ["email", "chat"], ""), 'channel is one of "email", "chat"'],
      [c("channel", "not_in", ["test"], ""), 'channel is none of "test"'],
      [c("closedAt", "exists", undefined, ""), "closedAt is reported"],
      [c("resolved", "is_true", undefined, ""), "resolved is true"],
      [c("reopened", "is_false", undefined, ""), "reopened is false"],
      [c("reopened", "eq", false, ""), "reopened is false"],
    ];
    for (const [criterion, text] of cases) expect(describeRule(criterion)).toBe(text);
    expect(new Set(Object.values(OPERATOR_WORDS)).size).toBe(OPERATORS.length);
  });

  it("writes numbers exactly, never in exponent form", () => {
    expect(describeRule(c("bytes", "gt", 1e21, ""))).toBe("bytes is above 1000000000000000000000");
    expect(describeRule(c("error", "lt", 1e-7, ""))).toBe("error is below 0.0000001");
  });

  it("says what each missing rule really does", () => {
    expect(describeMissing(c("x", "eq", 1, "", "pass"))).toBe("if not reported, this counts as met");
    expect(describeMissing(c("x", "eq", 1, "", "fail"))).toBe("if not reported, this counts as not met");
    expect(describeMissing(c("x", "eq", 1, "", "pending"))).toBe(
      "if not reported, this stays pending until the observation window closes, then counts as not met",
    );
    // evaluateAttempt never lets "is reported" pass on a missing value, whatever the rule says.
    expect(describeMissing(c("x", "exists", undefined, "", "pass"))).toBe("if not reported, this counts as not met");
  });

  it("matches evaluateAttempt on a missing value once the window has closed", () => {
    const occurredAt = new Date("2026-03-01T00:00:00Z");
    const closed = new Date("2026-03-10T00:00:00Z");
    for (const operator of OPERATORS) {
      for (const whenMissing of MISSING_RULES) {
        const criterion = c("x", operator, operator === "in" || operator === "not_in" ? [1] : 1, "", whenMissing);
        const version: VersionRule = {
          id: "v",
          number: 1,
          criteria: [criterion],
          observationWindowHours: 72,
          effectiveFrom: null,
          status: "draft",
        };
        const result = evaluateAttempt({ attributes: {}, aiShare: null, occurredAt }, version, closed).criteria[0]!;
        const says = describeMissing(criterion);
        expect(says.endsWith("counts as met")).toBe(result.result === "pass");
      }
    }
  });

  it("says plainly when a rule has no value to compare with", () => {
    expect(describeRule(c("csat", "gte", undefined, ""))).toBe(
      "csat is at least (no value given, so a reported value never meets it)",
    );
    expect(describeRule(c("channel", "in", [], ""))).toBe("channel is one of (nothing)");
  });

  it("uses the rule alone when the label is blank", () => {
    expect(describeCriterion(c("csat", "gte", 4, "  "))).toBe(
      "csat is at least 4; if not reported, this counts as not met",
    );
  });
});

describe("describeVersion", () => {
  it("reads the whole rule as a customer sees it", () => {
    const text = describeVersion(ticketResolved, { unitLabel: "resolved conversation" });
    expect(text.summary).toBe("An attempt counts as one resolved conversation when all of these hold:");
    expect(text.criteria).toEqual(ticketResolved.criteria.map(describeCriterion));
    expect(text.window).toBe(
      "Outcomes stay pending for 72 hours (3 days) after the attempt, so late events (a reopen, a rating) still count.",
    );
    expect(text.price).toBe("Default price 0.99 per resolved conversation (a contract may set its own)");
  });

  it("names the currency when given", () => {
    const text = describeVersion(ticketResolved, { unitLabel: "resolved ticket", currency: "USD" });
    expect(text.price).toBe("Default price 0.99 USD per resolved ticket (a contract may set its own)");
  });

  it("says every attempt counts when there are no criteria", () => {
    const text = describeVersion({ ...ticketResolved, criteria: [] }, { unitLabel: "resolved conversation" });
    expect(text.summary).toBe("Every attempt counts as one resolved conversation: there are no conditions.");
    expect(text.criteria).toEqual([]);
  });

  it("uses the singular for one criterion", () => {
    const text = describeVersion(
      { ...ticketResolved, criteria: [ticketResolved.criteria[0]!] },
      { unitLabel: "resolved conversation" },
    );
    expect(text.summary).toBe("An attempt counts as one resolved conversation when this holds:");
  });

  it("describes the window, including none at all", () => {
    expect(describeWindow(0)).toBe("Outcomes are decided as soon as the attempt arrives.");
    expect(describeWindow(1)).toBe(
      "Outcomes stay pending for 1 hour after the attempt, so late events (a reopen, a rating) still count.",
    );
    expect(describeWindow(36)).toContain("36 hours after");
  });

  it("prints prices exactly, with at least two decimals", () => {
    expect(formatPrice("0.990")).toBe("0.99");
    expect(formatPrice("0.9900000000")).toBe("0.99");
    expect(formatPrice("1")).toBe("1.00");
    expect(formatPrice("0.125")).toBe("0.125");
    expect(formatPrice("0.0000000001")).toBe("0.0000000001");
    expect(formatPrice("not a price")).toBe("not a price");
  });
});

// --- Properties ------------------------------------------------------------------------------

/** Text that does not itself contain the words the rendering must never produce. */
const safeText = (arb: fc.Arbitrary<string>) => arb.filter((s) => !/undefined|null|NaN/i.test(s));
const valueArb: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.integer({ min: -1_000, max: 1_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  safeText(fc.string({ maxLength: 8 })),
  fc.boolean(),
);
const criterionArb: fc.Arbitrary<Criterion> = fc.record({
  attribute: fc.oneof(fc.constantFrom("csat", "closedBy", AI_SHARE_ATTRIBUTE), safeText(fc.string({ minLength: 1 }))),
  operator: fc.constantFrom(...OPERATORS),
  value: fc.option(fc.oneof(valueArb, fc.array(valueArb, { maxLength: 4 })), { nil: undefined }),
  label: safeText(fc.string({ minLength: 1, maxLength: 30 })).filter((s) => s.trim() !== ""),
  whenMissing: fc.constantFrom(...MISSING_RULES),
});
const versionArb = fc.record({
  number: fc.nat(),
  criteria: fc.array(criterionArb, { maxLength: 8 }),
  observationWindowHours: fc.integer({ min: 0, max: 24 * 90 }),
  defaultUnitPrice: fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 10_000).toFixed(4)),
});

describe("plain language: properties", () => {
  it("mentions every criterion's label and never says undefined, null or NaN", () => {
    fc.assert(
      fc.property(versionArb, safeText(fc.string({ minLength: 1 })), (v, unitLabel) => {
        const text = describeVersion(v, { unitLabel });
        expect(text.criteria).toHaveLength(v.criteria.length);
        v.criteria.forEach((criterion, i) => {
          expect(text.criteria[i]!.startsWith(criterion.label.trim())).toBe(true);
        });
        const all = [text.summary, ...text.criteria, text.window, text.price].join("\n");
        expect(all).not.toMatch(/undefined|null|NaN|\[object/);
      }),
    );
  });

  it("states the operator in words in every criterion", () => {
    fc.assert(
      fc.property(criterionArb, (criterion) => {
        expect(describeCriterion(criterion)).toContain(` ${OPERATOR_WORDS[criterion.operator]}`);
      }),
    );
  });
});
