// The editor's form state of a draft version and its conversion to the rule the server
// validates: values are typed as text, then read as the attribute's type (a number, true or
// false, text) or as a comma-separated list for "in" / "not in". Errors use the server's
// field paths ("criteria.2.value") so both kinds show in the same place.
import type { VersionRuleLike } from "@/domain/definitions/plain-language";
import type { AttributeValue, Criterion, MissingRule, Operator } from "@/domain/evaluation/criteria";

export type ValueType = "string" | "number" | "boolean";
export const VALUE_TYPES: readonly ValueType[] = ["string", "number", "boolean"];

export interface CriterionDraft {
  /** A stable key for React while criteria move; never sent. */
  key: string;
  attribute: string;
  operator: Operator;
  type: ValueType;
  valueText: string;
  label: string;
  whenMissing: MissingRule;
}

export interface DraftState {
  criteria: CriterionDraft[];
  windowText: string;
  price: string;
  changeNote: string;
}

export const NO_VALUE_OPERATORS: ReadonlySet<Operator> = new Set(["exists", "is_true", "is_false"]);
export const LIST_OPERATORS: ReadonlySet<Operator> = new Set(["in", "not_in"]);

export function draftStateOf(v: VersionRuleLike & { changeNote: string }): DraftState {
  return {
    criteria: v.criteria.map((c, i) => criterionDraftOf(c, `c${i}`)),
    windowText: String(v.observationWindowHours),
    price: v.defaultUnitPrice,
    changeNote: v.changeNote,
  };
}

function criterionDraftOf(c: Criterion, key: string): CriterionDraft {
  const values = c.value === undefined ? [] : Array.isArray(c.value) ? c.value : [c.value];
  const first = values[0];
  return {
    key,
    attribute: c.attribute,
    operator: c.operator,
    type: first === undefined ? "string" : (typeof first as ValueType),
    valueText: values.map(String).join(", "),
    label: c.label,
    whenMissing: c.whenMissing,
  };
}

/** One typed value, or an error message. */
function readValue(text: string, type: ValueType): { value: AttributeValue } | { error: string } {
  const t = text.trim();
  if (type === "number") {
    const n = Number(t);
    return t === "" || !Number.isFinite(n) ? { error: `Enter a number, e.g. 4 or 0.8 (not “${t}”).` } : { value: n };
  }
  if (type === "boolean") {
    return t === "true" || t === "false" ? { value: t === "true" } : { error: "Choose true or false." };
  }
  return t === "" ? { error: "Enter the text to compare with." } : { value: t };
}

function readCriterionValue(c: CriterionDraft): { value?: Criterion["value"]; error?: string } {
  if (NO_VALUE_OPERATORS.has(c.operator)) return {};
  if (LIST_OPERATORS.has(c.operator)) {
    const parts = c.valueText
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== "");
    if (parts.length === 0) return { error: "Give at least one value, separated by commas." };
    const read = parts.map((p) => readValue(p, c.type));
    const bad = read.find((r) => "error" in r);
    if (bad && "error" in bad) return { error: bad.error };
    return { value: read.map((r) => (r as { value: AttributeValue }).value) };
  }
  const one = readValue(c.valueText, c.type);
  return "error" in one ? { error: one.error } : { value: one.value };
}

/** The rule to save, and the errors the browser can already see (keyed by server field path). */
export function ruleOfDraft(state: DraftState) {
  const errors: Record<string, string> = {};
  const criteria: Criterion[] = state.criteria.map((c, i) => {
    const { value, error } = readCriterionValue(c);
    if (error) errors[`criteria.${i}.value`] = error;
    const criterion: Criterion = {
      attribute: c.attribute.trim(),
      operator: c.operator,
      label: c.label,
      whenMissing: c.whenMissing,
    };
    // An unreadable value still shows in the preview, as typed.
    if (value !== undefined) criterion.value = value;
    else if (error && c.valueText.trim() !== "") criterion.value = c.valueText.trim();
    return criterion;
  });
  const hours = Number(state.windowText);
  if (state.windowText.trim() === "" || !Number.isInteger(hours)) {
    errors.observationWindowHours = "Give the observation window in whole hours.";
  }
  return {
    rule: {
      criteria,
      observationWindowHours: Number.isInteger(hours) ? hours : 0,
      defaultUnitPrice: state.price.trim(),
      changeNote: state.changeNote,
    },
    errors,
  };
}

let added = 0;
export function newCriterion(): CriterionDraft {
  added += 1;
  return {
    key: `new${added}`,
    attribute: "",
    operator: "eq",
    type: "string",
    valueText: "",
    label: "",
    whenMissing: "fail",
  };
}
