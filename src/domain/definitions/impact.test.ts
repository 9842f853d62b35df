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
  type OutcomeStatus,
  type VersionRule,
} from "../evaluation/criteria";
import { evaluateAttempt } from "../evaluation/evaluate-attempt";
import { computeImpact, type DisputeVerdict, type ImpactAttempt } from "./impact";

const HOUR = 3_600_000;
const now = new Date("2026-04-01T00:00:00.000Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * HOUR);

const c = (
  attribute: string,
  operator: Operator,
  value: Criterion["value"],
  whenMissing: MissingRule = "fail",
): Criterion => ({ attribute, operator, value, label: `${attribute} ${operator}`, whenMissing });

function version(number: number, criteria: Criterion[], observationWindowHours = 72): VersionRule {
  return {
    id: `v-${number}`,
    number,
    criteria,
    observationWindowHours,
    effectiveFrom: number === 3 ? null : new Date("2026-01-01T00:00:00Z"),
    status: number === 3 ? "draft" : "published",
  };
}

// v2 bills a conversation the AI closed and nobody reopened; the v3 draft also wants CSAT ≥ 4
// when a rating is given, and waits 96 hours instead of 72.
const v2 = version(2, [c("closedBy", "eq", "ai", "pending"), c("reopened", "is_false", undefined, "pass")]);
const v3 = version(
  3,
  [c("closedBy", "eq", "ai", "pending"), c("reopened", "is_false", undefined, "pass"), c("csat", "gte", 4, "pass")],
  96,
);

const attempt = (
  id: string,
  customerId: string,
  attributes: Record<string, AttributeValue>,
  ageHours = 200,
): ImpactAttempt => ({ id, customerId, occurredAt: hoursAgo(ageHours), attributes, aiShare: null });

describe("computeImpact", () => {
  const attempts = [
    attempt("a1", "acme", { closedBy: "ai", csat: 2 }), // billable → not (low CSAT)
    attempt("a2", "acme", { closedBy: "ai", csat: 3 }), // billable → not
    attempt("a3", "acme", { closedBy: "ai", csat: 5 }), // billable in both
    attempt("a4", "globex", { closedBy: "ai", csat: 1 }), // billable → not
    attempt("a5", "globex", { closedBy: "human" }), // not billable in both
    attempt("a6", "globex", { closedBy: "ai" }, 80), // billable under v2 (72 h closed), pending under v3 (96 h)
    attempt("a7", "initech", { closedBy: "ai" }, 10), // pending in both
  ];
  const disputed = new Map<string, DisputeVerdict>([
    ["a1", "upheld"],
    ["a2", "rejected"],
    ["a3", "upheld"], // still billable under the draft: not prevented
    ["a5", "upheld"], // never billable: not prevented
  ]);
  const preview = computeImpact({ attempts, current: v2, draft: v3, now, disputed });

  it("counts statuses under each version", () => {
    expect(preview.attempts).toBe(7);
    expect(preview.totals.current).toEqual({ billable: 5, not_billable: 1, pending: 1 });
    expect(preview.totals.draft).toEqual({ billable: 1, not_billable: 4, pending: 2 });
  });

  it("counts flips between decided statuses, and pending changes only as transitions", () => {
    expect(preview.flips).toEqual({ billableToNot: 3, notToBillable: 0 });
    expect(preview.transitions.billable).toEqual({ billable: 1, not_billable: 3, pending: 1 });
    expect(preview.transitions.not_billable).toEqual({ billable: 0, not_billable: 1, pending: 0 });
    expect(preview.transitions.pending).toEqual({ billable: 0, not_billable: 0, pending: 1 });
  });

  it("gives each customer's change in billable outcomes, largest first", () => {
    // globex loses a4 (low CSAT) and a6 (pending again under the longer window).
    expect(preview.customers).toEqual([
      { customerId: "acme", gained: 0, lost: 2, billableDelta: -2 },
      { customerId: "globex", gained: 0, lost: 2, billableDelta: -2 },
    ]);
  });

  it("counts the upheld disputes the draft would have prevented and the rejected ones it would unbill", () => {
    expect(preview.upheldPrevented).toBe(1);
    expect(preview.rejectedNowUnbilled).toBe(1);
  });

  it("returns sample flips with both traces", () => {
    expect(preview.samples.map((s) => s.attemptId)).toEqual(["a1", "a2", "a4"]);
    const [first] = preview.samples;
    expect(first).toMatchObject({ customerId: "acme", direction: "billableToNot", dispute: "upheld" });
    expect(first!.current.status).toBe("billable");
    expect(first!.draft.status).toBe("not_billable");
    expect(first!.draft.versionNumber).toBe(3);
    expect(first!.draft.criteria[2]).toMatchObject({ attribute: "csat", result: "fail" });
    expect(preview.samples[1]!.dispute).toBe("rejected");
    expect(preview.samples[2]!.dispute).toBeNull();
  });

  it("alternates directions in the samples and respects the sample size", () => {
    const many = [
      ...Array.from({ length: 5 }, (_, i) => attempt(`gained${i}`, "acme", { csat: 1 })),
      ...Array.from({ length: 5 }, (_, i) => attempt(`lost${i}`, "acme", { csat: 5 })),
    ];
    // Current bills CSAT ≥ 4, the draft CSAT ≤ 2: every attempt flips, half each way.
    const draft = version(3, [c("csat", "lte", 2)], 72);
    const p = computeImpact({ attempts: many, current: version(2, [c("csat", "gte", 4)]), draft, now, sampleSize: 4 });
    expect(p.flips).toEqual({ billableToNot: 5, notToBillable: 5 });
    expect(p.samples.map((s) => s.attemptId)).toEqual(["lost0", "gained0", "lost1", "gained1"]);
    expect(p.samples.map((s) => s.direction)).toEqual([
      "billableToNot",
      "notToBillable",
      "billableToNot",
      "notToBillable",
    ]);
    expect(computeImpact({ attempts: many, current: v2, draft, now, sampleSize: 0 }).samples).toEqual([]);
  });

  it("accepts any iterable, e.g. a generator over pages", () => {
    function* pages() {
      yield* attempts.slice(0, 3);
      yield* attempts.slice(3);
    }
    expect(computeImpact({ attempts: pages(), current: v2, draft: v3, now, disputed })).toEqual(preview);
  });

  it("counts stored statuses that differ from the re-evaluation under the current version", () => {
    const stored = attempts.map((a, i) => ({
      ...a,
      currentStatus: (i === 0 ? "not_billable" : undefined) as OutcomeStatus | undefined,
    }));
    expect(computeImpact({ attempts: stored, current: v2, draft: v3, now }).storedStatusDiffers).toBe(1);
  });

  it("changes nothing when the draft equals the current version", () => {
    const p = computeImpact({ attempts, current: v2, draft: { ...v2, id: "v-3", number: 3 }, now, disputed });
    expect(p.flips).toEqual({ billableToNot: 0, notToBillable: 0 });
    expect(p.customers).toEqual([]);
    expect(p.samples).toEqual([]);
    expect(p.totals.draft).toEqual(p.totals.current);
  });
});

// --- Properties ------------------------------------------------------------------------------

const valueArb: fc.Arbitrary<AttributeValue> = fc.oneof(
  fc.integer({ min: 0, max: 5 }),
  fc.constantFrom("ai", "human", "email"),
  fc.boolean(),
);
const criterionArb: fc.Arbitrary<Criterion> = fc.record({
  attribute: fc.constantFrom("csat", "closedBy", "reopened", AI_SHARE_ATTRIBUTE),
  operator: fc.constantFrom(...OPERATORS),
  value: fc.option(fc.oneof(valueArb, fc.array(valueArb, { maxLength: 3 })), { nil: undefined }),
  label: fc.constant("rule"),
  whenMissing: fc.constantFrom(...MISSING_RULES),
});
const versionArb = (number: number) =>
  fc
    .tuple(fc.array(criterionArb, { maxLength: 4 }), fc.constantFrom(0, 24, 72, 96))
    .map(([criteria, hours]) => version(number, criteria, hours));
const attemptArb: fc.Arbitrary<Omit<ImpactAttempt, "id">> = fc.record({
  customerId: fc.constantFrom("acme", "globex", "initech"),
  occurredAt: fc.integer({ min: 0, max: 200 }).map(hoursAgo),
  attributes: fc.dictionary(fc.constantFrom("csat", "closedBy", "reopened"), valueArb),
  aiShare: fc.option(fc.constantFrom("0", "0.4", "0.5", "1"), { nil: null }),
});
const scenarioArb = fc
  .record({
    attempts: fc.array(attemptArb, { maxLength: 40 }),
    current: versionArb(2),
    draft: versionArb(3),
    verdicts: fc.array(fc.option(fc.constantFrom<DisputeVerdict>("upheld", "rejected"), { nil: null }), {
      maxLength: 40,
    }),
    sampleSize: fc.integer({ min: 0, max: 30 }),
  })
  .map(({ attempts, verdicts, ...rest }) => {
    const withIds = attempts.map((a, i) => ({ ...a, id: `att-${i}` }));
    const disputed = new Map<string, DisputeVerdict>();
    verdicts.forEach((v, i) => {
      if (v && i < withIds.length) disputed.set(`att-${i}`, v);
    });
    return { ...rest, attempts: withIds, disputed };
  });

describe("computeImpact: properties", () => {
  it("agrees with comparing evaluateAttempt's two traces attempt by attempt", () => {
    fc.assert(
      fc.property(scenarioArb, ({ attempts, current, draft, disputed, sampleSize }) => {
        const p = computeImpact({ attempts, current, draft, now, disputed, sampleSize });
        const pairs = attempts.map((a) => ({
          a,
          before: evaluateAttempt(a, current, now).status,
          after: evaluateAttempt(a, draft, now).status,
        }));
        const lost = pairs.filter((x) => x.before === "billable" && x.after === "not_billable");
        const gained = pairs.filter((x) => x.before === "not_billable" && x.after === "billable");
        expect(p.attempts).toBe(attempts.length);
        expect(p.flips).toEqual({ billableToNot: lost.length, notToBillable: gained.length });
        for (const s of ["pending", "billable", "not_billable"] as const) {
          expect(p.totals.current[s]).toBe(pairs.filter((x) => x.before === s).length);
          expect(p.totals.draft[s]).toBe(pairs.filter((x) => x.after === s).length);
        }
        expect(p.upheldPrevented).toBe(lost.filter((x) => disputed.get(x.a.id) === "upheld").length);
        expect(p.rejectedNowUnbilled).toBe(lost.filter((x) => disputed.get(x.a.id) === "rejected").length);

        // Per customer: billable counts under each rule.
        const billable = (side: "before" | "after", customer: string) =>
          pairs.filter((x) => x.a.customerId === customer && x[side] === "billable").length;
        for (const customer of ["acme", "globex", "initech"]) {
          const delta = billable("after", customer) - billable("before", customer);
          const row = p.customers.find((r) => r.customerId === customer);
          expect(row?.billableDelta ?? 0).toBe(delta);
        }
        expect(p.customers.reduce((sum, r) => sum + r.billableDelta, 0)).toBe(
          p.totals.draft.billable - p.totals.current.billable,
        );

        // Samples: real flips, at most sampleSize, with traces that say so.
        expect(p.samples.length).toBe(Math.min(sampleSize, lost.length + gained.length));
        for (const s of p.samples) {
          const expected =
            s.direction === "billableToNot" ? ["billable", "not_billable"] : ["not_billable", "billable"];
          expect([s.current.status, s.draft.status]).toEqual(expected);
          expect(s.dispute).toBe(disputed.get(s.attemptId) ?? null);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// --- Speed -------------------------------------------------------------------------------------

describe("computeImpact: 100,000 attempts", () => {
  it("previews a realistic draft quickly (timing logged, not asserted)", () => {
    const channels = ["email", "chat", "phone"];
    const customers = Array.from({ length: 50 }, (_, i) => `customer-${i}`);
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const attempts: ImpactAttempt[] = Array.from({ length: 100_000 }, (_, i) => {
      const attributes: Record<string, AttributeValue> = {
        closedBy: random() < 0.8 ? "ai" : "human",
        channel: channels[Math.floor(random() * 3)]!,
      };
      if (random() < 0.1) attributes.reopened = true;
      if (random() < 0.6) attributes.csat = 1 + Math.floor(random() * 5);
      return {
        id: `attempt-${i}`,
        customerId: customers[i % customers.length]!,
        occurredAt: hoursAgo(random() * 24 * 90),
        attributes,
        aiShare: random() < 0.9 ? (Math.floor(random() * 100) / 100).toFixed(2) : null,
      };
    });
    const current = version(2, [
      c("closedBy", "eq", "ai", "pending"),
      c("reopened", "is_false", undefined, "pass"),
      c(AI_SHARE_ATTRIBUTE, "gte", 0.5, "fail"),
    ]);
    const draft = version(
      3,
      [
        c("closedBy", "eq", "ai", "pending"),
        c("reopened", "is_false", undefined, "pass"),
        c(AI_SHARE_ATTRIBUTE, "gte", 0.4, "fail"),
        c("csat", "gte", 3, "pass"),
        c("channel", "in", ["email", "chat"], "fail"),
      ],
      96,
    );
    const disputed = new Map<string, DisputeVerdict>(
      Array.from({ length: 2_000 }, (_, i) => [`attempt-${i * 50}`, i % 3 === 0 ? "rejected" : "upheld"]),
    );

    computeImpact({ attempts: attempts.slice(0, 5_000), current, draft, now, disputed }); // warm up
    const started = performance.now();
    const p = computeImpact({ attempts, current, draft, now, disputed });
    const ms = performance.now() - started;

    const fullStarted = performance.now();
    for (const a of attempts) {
      evaluateAttempt(a, current, now);
      evaluateAttempt(a, draft, now);
    }
    const fullMs = performance.now() - fullStarted;
    console.log(
      `computeImpact over 100,000 attempts: ${ms.toFixed(0)} ms ` +
        `(${p.flips.billableToNot} billable→not, ${p.flips.notToBillable} not→billable, ${p.samples.length} samples); ` +
        `evaluateAttempt ×2 for comparison: ${fullMs.toFixed(0)} ms`,
    );
    expect(p.attempts).toBe(100_000);
    expect(p.flips.billableToNot + p.flips.notToBillable).toBeGreaterThan(0);
    expect(p.samples).toHaveLength(20);
  });
});
