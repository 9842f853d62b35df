import { describe, expect, it } from "vitest";
import { type DraftState, draftStateOf, newCriterion, ruleOfDraft } from "./draft-rule";

const version = {
  number: 3,
  criteria: [
    {
      attribute: "closedBy",
      operator: "eq" as const,
      value: "ai",
      label: "Closed by the AI",
      whenMissing: "pending" as const,
    },
    { attribute: "csat", operator: "gte" as const, value: 4, label: "CSAT at least 4", whenMissing: "pass" as const },
    {
      attribute: "region",
      operator: "in" as const,
      value: ["NA", "EU"],
      label: "Served region",
      whenMissing: "fail" as const,
    },
    { attribute: "reopened", operator: "is_false" as const, label: "Not reopened", whenMissing: "pass" as const },
  ],
  observationWindowHours: 72,
  defaultUnitPrice: "0.99",
  changeNote: "Fix",
};

describe("the draft editor's rule", () => {
  it("round-trips a stored version unchanged", () => {
    const { rule, errors } = ruleOfDraft(draftStateOf(version));
    expect(errors).toEqual({});
    expect(rule).toEqual({
      criteria: version.criteria,
      observationWindowHours: 72,
      defaultUnitPrice: "0.99",
      changeNote: "Fix",
    });
  });

  it("reads values as the chosen type, and lists as comma-separated values", () => {
    const state = draftStateOf(version);
    state.criteria[1] = { ...state.criteria[1]!, valueText: " 4.5 " };
    state.criteria[2] = { ...state.criteria[2]!, valueText: "NA, EU ,, UK" };
    state.criteria[3] = { ...state.criteria[3]!, operator: "eq", type: "boolean", valueText: "true" };
    const { rule, errors } = ruleOfDraft(state);
    expect(errors).toEqual({});
    expect(rule.criteria.map((c) => c.value)).toEqual(["ai", 4.5, ["NA", "EU", "UK"], true]);
  });

  it("names each unreadable field by the server's path, and keeps the typed text for the preview", () => {
    const state: DraftState = { ...draftStateOf(version), windowText: "1.5" };
    state.criteria[1] = { ...state.criteria[1]!, valueText: "four" };
    state.criteria.push(newCriterion());
    const { rule, errors } = ruleOfDraft(state);
    expect(errors).toEqual({
      "criteria.1.value": expect.stringContaining("Enter a number"),
      "criteria.4.value": "Enter the text to compare with.",
      observationWindowHours: "Give the observation window in whole hours.",
    });
    expect(rule.criteria[1]!.value).toBe("four");
    expect(rule.criteria[4]).not.toHaveProperty("value");
  });

  it("drops the value of an operator that takes none", () => {
    const state = draftStateOf(version);
    state.criteria[0] = { ...state.criteria[0]!, operator: "exists" };
    expect(ruleOfDraft(state).rule.criteria[0]).not.toHaveProperty("value");
  });
});
