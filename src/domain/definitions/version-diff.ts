// What changed between two versions of an outcome definition: criteria added, removed or
// changed, their order, the observation window and the default price, plus the same in
// plain English for the versions timeline.
//
// Matching criteria: nothing stops a version from naming an attribute twice (a range such as
// `csat ≥ 3` and `csat ≤ 5`, or two `neq`s), so criteria are paired in three passes, each
// in the versions' own order:
//   1. identical criteria (unchanged);
//   2. the same attribute and operator (changed: value, label or missing rule);
//   3. the same attribute (changed, including the operator).
// Whatever is left is removed (from `a`) or added (in `b`). When every attribute appears at
// most once per version — the usual case — this is simply matching by attribute.

import type { AttributeValue, Criterion } from "../evaluation/criteria";
import { Dec } from "../money";
import {
  describeMissing,
  describeRule,
  effectiveMissingRule,
  formatPrice,
  type VersionRuleLike,
} from "./plain-language";

export type { VersionRuleLike } from "./plain-language";

export type CriterionField = "operator" | "value" | "label" | "whenMissing";

export interface CriterionChange {
  attribute: string;
  before: Criterion;
  after: Criterion;
  /** The fields that differ, in this order: operator, value, label, whenMissing. */
  fields: CriterionField[];
}

export interface VersionDiff {
  /** Version numbers, for the text ("v2 → v3"). */
  from: number;
  to: number;
  /** In `b`'s order. */
  added: Criterion[];
  /** In `a`'s order. */
  removed: Criterion[];
  /** In `b`'s order. */
  changed: CriterionChange[];
  /** True when criteria present in both versions appear in a different relative order. */
  reordered: boolean;
  window: { before: number; after: number } | null;
  /** Compared as exact decimals ("0.99" equals "0.990"); the strings as the versions hold them. */
  price: { before: string; after: string } | null;
}

export function diffVersions(a: VersionRuleLike, b: VersionRuleLike): VersionDiff {
  // pairOf[j] = index in a of the criterion matched with b[j], or -1.
  const pairOf = new Array<number>(b.criteria.length).fill(-1);
  const taken = new Array<boolean>(a.criteria.length).fill(false);
  const passes: ((x: Criterion, y: Criterion) => boolean)[] = [
    sameCriterion,
    (x, y) => x.attribute === y.attribute && x.operator === y.operator,
    (x, y) => x.attribute === y.attribute,
  ];
  for (const matches of passes) {
    b.criteria.forEach((y, j) => {
      if (pairOf[j] !== -1) return;
      const i = a.criteria.findIndex((x, k) => !taken[k] && matches(x, y));
      if (i === -1) return;
      pairOf[j] = i;
      taken[i] = true;
    });
  }

  const added: Criterion[] = [];
  const changed: CriterionChange[] = [];
  let reordered = false;
  let lastIndexInA = -1;
  b.criteria.forEach((after, j) => {
    const i = pairOf[j]!;
    if (i === -1) {
      added.push(after);
      return;
    }
    if (i < lastIndexInA) reordered = true;
    lastIndexInA = i;
    const before = a.criteria[i]!;
    const fields = changedFields(before, after);
    if (fields.length > 0) changed.push({ attribute: after.attribute, before, after, fields });
  });

  return {
    from: a.number,
    to: b.number,
    added,
    removed: a.criteria.filter((_, i) => !taken[i]),
    changed,
    reordered,
    window:
      a.observationWindowHours === b.observationWindowHours
        ? null
        : { before: a.observationWindowHours, after: b.observationWindowHours },
    price: samePrice(a.defaultUnitPrice, b.defaultUnitPrice)
      ? null
      : { before: a.defaultUnitPrice, after: b.defaultUnitPrice },
  };
}

export function isEmptyDiff(d: VersionDiff): boolean {
  return (
    d.added.length === 0 &&
    d.removed.length === 0 &&
    d.changed.length === 0 &&
    !d.reordered &&
    d.window === null &&
    d.price === null
  );
}

/**
 * The diff in plain English, one line per change: removed, added and changed criteria, then
 * the order, the window and the price. An empty diff gives no lines.
 *   "Added: Not reopened within 72 hours (reopened is false; missing counts as pass)"
 *   "Observation window 72 h → 96 h"
 *   "Default price 0.99 → 1.05"
 */
export function describeDiff(d: VersionDiff, { currency }: { currency?: string } = {}): string[] {
  const lines: string[] = [];
  for (const c of d.removed) lines.push(`Removed: ${summarize(c)}`);
  for (const c of d.added) lines.push(`Added: ${summarize(c)}`);
  for (const ch of d.changed) lines.push(describeChange(ch));
  if (d.reordered) lines.push("Criteria reordered (the order does not change which attempts count)");
  if (d.window) lines.push(`Observation window ${d.window.before} h → ${d.window.after} h`);
  if (d.price) {
    const unit = currency ? ` ${currency}` : "";
    lines.push(`Default price ${formatPrice(d.price.before)}${unit} → ${formatPrice(d.price.after)}${unit}`);
  }
  return lines;
}

// --- Helpers -------------------------------------------------------------------------------

/** `Label (rule; missing counts as …)`. */
function summarize(c: Criterion): string {
  const rule = `${describeRule(c)}; ${shortMissing(c)}`;
  return c.label.trim() === "" ? rule : `${c.label.trim()} (${rule})`;
}

function shortMissing(c: Criterion): string {
  const rule = effectiveMissingRule(c);
  return rule === "pending" ? "missing waits for the window to close, then fails" : `missing counts as ${rule}`;
}

function describeChange({ before, after, fields }: CriterionChange): string {
  const parts: string[] = [];
  if (fields.includes("operator") || fields.includes("value")) {
    parts.push(`rule ${describeRule(before)} → ${describeRule(after)}`);
  }
  if (fields.includes("whenMissing")) {
    const same = effectiveMissingRule(before) === effectiveMissingRule(after);
    parts.push(
      `missing value: ${before.whenMissing} → ${after.whenMissing}` +
        (same ? ` (no effect: ${describeMissing(after)})` : ""),
    );
  }
  if (fields.includes("label")) parts.push(`label ${JSON.stringify(before.label)} → ${JSON.stringify(after.label)}`);
  const name = after.label.trim() || before.label.trim() || after.attribute;
  return `Changed: ${name} — ${parts.join("; ")}`;
}

function changedFields(x: Criterion, y: Criterion): CriterionField[] {
  const fields: CriterionField[] = [];
  if (x.operator !== y.operator) fields.push("operator");
  if (!sameValue(x.value, y.value)) fields.push("value");
  if (x.label !== y.label) fields.push("label");
  if (x.whenMissing !== y.whenMissing) fields.push("whenMissing");
  return fields;
}

function sameCriterion(x: Criterion, y: Criterion): boolean {
  return x.attribute === y.attribute && changedFields(x, y).length === 0;
}

/** Same type and value; lists element by element, in order (the order is what customers read). */
function sameValue(x: Criterion["value"], y: Criterion["value"]): boolean {
  if (Array.isArray(x) || Array.isArray(y)) {
    return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => sameScalar(v, y[i]!));
  }
  return x === undefined || y === undefined ? x === y : sameScalar(x, y);
}

function sameScalar(x: AttributeValue, y: AttributeValue): boolean {
  return x === y; // 4 === 4.0; 1 !== "1"; 0 === -0 (both read "0").
}

function samePrice(x: string, y: string): boolean {
  if (x === y) return true;
  try {
    return new Dec(x).equals(new Dec(y));
  } catch {
    return false; // At least one is not a decimal and they differ as text.
  }
}
