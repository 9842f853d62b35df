import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BulkResult, describeBulkResults, describeDeciders, nextInTurn } from "./bulk-decision";

const decided = (number: string): BulkResult => ({
  disputeId: number,
  number,
  done: true,
  outcomes: 1,
  creditMinor: 99n,
});
const skipped = (number: string, why: string): BulkResult => ({ disputeId: number, number, done: false, why });

describe("reporting a bulk decision", () => {
  it("counts what was decided and names each skipped dispute with why", () => {
    expect(
      describeBulkResults(
        [decided("DSP-1"), decided("DSP-2"), decided("DSP-3"), skipped("DSP-4", "already resolved by Ana")],
        "decided",
      ),
    ).toBe("3 decided, 1 skipped: DSP-4 already resolved by Ana.");
  });

  it("says only the count when nothing was skipped", () => {
    expect(describeBulkResults([decided("DSP-1")], "assigned")).toBe("1 assigned.");
    expect(describeBulkResults([], "decided")).toBe("0 decided.");
  });

  it("accounts for every dispute exactly once, whatever the mix", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (mix) => {
        const results = mix.map((ok, i) => (ok ? decided(`DSP-${i}`) : skipped(`DSP-${i}`, "withdrawn")));
        const text = describeBulkResults(results, "decided");
        const done = Number(text.split(" ")[0]);
        const named = mix.filter((ok) => !ok).length;
        expect(done + named).toBe(mix.length);
        expect((text.match(/DSP-\d+ withdrawn/g) ?? []).length).toBe(named);
      }),
      { numRuns: 500 },
    );
  });
});

describe("round robin among active reviewers", () => {
  it("gives the next dispute to the reviewer after the last one chosen, and wraps", () => {
    expect(nextInTurn(["b", "a", "c"], null)).toBe("a");
    expect(nextInTurn(["b", "a", "c"], "a")).toBe("b");
    expect(nextInTurn(["b", "a", "c"], "c")).toBe("a");
  });

  it("carries on after a reviewer who left, and chooses nobody when nobody is active", () => {
    expect(nextInTurn(["a", "c"], "b")).toBe("c");
    expect(nextInTurn([], "a")).toBeNull();
  });

  it("over n disputes in a row gives each of k reviewers n/k, give or take one", () => {
    for (const seed of [1, 2, 3, 42, 2026]) {
      fc.assert(
        fc.property(
          fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 8 }),
          fc.integer({ min: 1, max: 100 }),
          (ids, n) => {
            const counts = new Map<string, number>();
            let last: string | null = null;
            for (let i = 0; i < n; i++) {
              last = nextInTurn(ids, last);
              counts.set(last!, (counts.get(last!) ?? 0) + 1);
            }
            const values = ids.map((id) => counts.get(id) ?? 0);
            expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
          },
        ),
        { seed, numRuns: 200 },
      );
    }
  });
});

describe("who decided a dispute", () => {
  it("names each decider once, in the order they decided", () => {
    expect(describeDeciders([])).toBe("");
    expect(describeDeciders(["Ana", "Ana"])).toBe("Ana");
    expect(describeDeciders(["Ana", "Ben", "Ana", "Cy"])).toBe("Ana, Ben and Cy");
  });
});
