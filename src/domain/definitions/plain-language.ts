// A definition version in plain language, exactly as customers read it: which attempts count
// as an outcome, what happens when a value is not reported, how long outcomes wait for late
// events and what one costs by default. The words follow what evaluateAttempt really does
// (src/domain/evaluation/evaluate-attempt.ts), including its edge cases, so the text a
// customer agrees to is the rule they are billed under.

import { AI_SHARE_ATTRIBUTE, type AttributeValue, type Criterion, type Operator } from "../evaluation/criteria";
import { Dec } from "../money";

/** The parts of a definition version that its text (and its diff) depend on. */
export interface VersionRuleLike {
  number: number;
  criteria: readonly Criterion[];
  observationWindowHours: number;
  /** An exact decimal as text, e.g. "0.99". */
  defaultUnitPrice: string;
}

export interface VersionText {
  /** e.g. "An attempt counts as one resolved conversation when all of these hold:" */
  summary: string;
  /** One line per criterion, in the version's order; see describeCriterion. */
  criteria: string[];
  /** e.g. "Outcomes stay pending for 72 hours after the attempt, so late events (a reopen, a rating) still count." */
  window: string;
  /** e.g. "Default price 0.99 per resolved conversation (a contract may set its own)" */
  price: string;
}

/** Operators in words, as they read after the attribute ("closedBy is "ai""). */
export const OPERATOR_WORDS: Record<Operator, string> = {
  eq: "is",
  neq: "is not",
  lt: "is below",
  lte: "is at most",
  gt: "is above",
  gte: "is at least",
  in: "is one of",
  not_in: "is none of",
  exists: "is reported",
  is_true: "is true",
  is_false: "is false",
};

const NO_VALUE: ReadonlySet<Operator> = new Set(["exists", "is_true", "is_false"]);
const LIST_VALUE: ReadonlySet<Operator> = new Set(["in", "not_in"]);

/**
 * One criterion as customers read it: its label, then the exact rule and what a missing value
 * means, e.g. `Closed by the AI — closedBy is "ai"; if not reported, this stays pending until
 * the observation window closes, then counts as not met`.
 */
export function describeCriterion(c: Criterion): string {
  const label = c.label.trim();
  const rule = `${describeRule(c)}; ${describeMissing(c)}`;
  return label === "" ? rule : `${label} — ${rule}`;
}

/** The comparison alone, e.g. `csat is at least 4` or `the AI's share of the work is at least 50 %`. */
export function describeRule(c: Criterion): string {
  const subject = c.attribute === AI_SHARE_ATTRIBUTE ? "the AI's share of the work" : c.attribute;
  const words = `${subject} ${OPERATOR_WORDS[c.operator]}`;
  // exists / is true / is false take no value; evaluation ignores one if it is there anyway.
  if (NO_VALUE.has(c.operator)) return words;
  const show = (v: AttributeValue) => showValue(c.attribute, v);
  if (c.value === undefined) return `${words} (no value given, so a reported value never meets it)`;
  if (Array.isArray(c.value)) return `${words} ${c.value.length === 0 ? "(nothing)" : c.value.map(show).join(", ")}`;
  if (LIST_VALUE.has(c.operator)) {
    return `${words} ${show(c.value)} (not a list, so a reported value never meets it)`;
  }
  return `${words} ${show(c.value)}`;
}

/**
 * What a missing value does, as evaluation applies it. While the observation window is open
 * every attempt is pending anyway; when it closes a "pending" criterion that is still not
 * reported fails. "is reported" can never be met by a missing value, whatever its rule says.
 */
export function describeMissing(c: Criterion): string {
  const rule = effectiveMissingRule(c);
  if (rule === "pass") return "if not reported, this counts as met";
  if (rule === "fail") return "if not reported, this counts as not met";
  return "if not reported, this stays pending until the observation window closes, then counts as not met";
}

/** The missing-value rule evaluation really applies (exists never passes on a missing value). */
export function effectiveMissingRule(c: Criterion): Criterion["whenMissing"] {
  return c.operator === "exists" && c.whenMissing === "pass" ? "fail" : c.whenMissing;
}

export function describeVersion(
  v: Pick<VersionRuleLike, "criteria" | "observationWindowHours" | "defaultUnitPrice">,
  { unitLabel, currency }: { unitLabel: string; currency?: string },
): VersionText {
  const n = v.criteria.length;
  const summary =
    n === 0
      ? `Every attempt counts as one ${unitLabel}: there are no conditions.`
      : `An attempt counts as one ${unitLabel} when ${n === 1 ? "this holds" : "all of these hold"}:`;
  return {
    summary,
    criteria: v.criteria.map(describeCriterion),
    window: describeWindow(v.observationWindowHours),
    price: `Default price ${formatPrice(v.defaultUnitPrice)}${currency ? ` ${currency}` : ""} per ${unitLabel} (a contract may set its own)`,
  };
}

export function describeWindow(hours: number): string {
  if (hours <= 0) return "Outcomes are decided as soon as the attempt arrives.";
  return `Outcomes stay pending for ${formatHours(hours)} after the attempt, so late events (a reopen, a rating) still count.`;
}

/** "1 hour", "12 hours", "72 hours (3 days)". */
export function formatHours(hours: number): string {
  const text = `${hours} ${hours === 1 ? "hour" : "hours"}`;
  return hours >= 48 && hours % 24 === 0 ? `${text} (${hours / 24} days)` : text;
}

/** An exact decimal price with at least two decimals and no trailing zeros beyond: "0.990" → "0.99", "1" → "1.00". */
export function formatPrice(price: string): string {
  try {
    const d = new Dec(price);
    if (!d.isFinite()) return price;
    return d.toFixed(Math.max(2, d.decimalPlaces()));
  } catch {
    return price; // Not a decimal: show it as written rather than guess.
  }
}

/** Text in quotes; numbers exactly as written (never in exponent form); the AI share as a percentage. */
function showValue(attribute: string, v: AttributeValue): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return String(v);
  if (!Number.isFinite(v)) return String(v);
  const exact = new Dec(String(v));
  return attribute === AI_SHARE_ATTRIBUTE ? `${exact.times(100).toFixed()} %` : exact.toFixed();
}
