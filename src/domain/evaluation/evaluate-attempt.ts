// Evaluating an attempt against a definition version. Pure functions, no clock and no I/O:
// the same facts, version and `now` always give the same trace, so a stored trace can be
// re-derived and an impact preview can re-run history. Every verdict carries its reason in
// plain words because the trace is the evidence a customer reads before paying or disputing.

import {
  AI_SHARE_ATTRIBUTE,
  type AttemptFacts,
  type AttributeValue,
  type Criterion,
  type CriterionOutcome,
  type CriterionResult,
  type EvaluationTrace,
  OPERATOR_SYMBOLS,
  type OutcomeStatus,
  type VersionRule,
} from "./criteria";

const HOUR_MS = 3_600_000;

/**
 * The version in force when the attempt happened: the latest effective-from at or before it
 * (ties go to the higher number). Retired versions still govern attempts from their own time,
 * which is how a new version never changes an old outcome. Drafts never apply.
 */
export function chooseVersion<V extends Pick<VersionRule, "effectiveFrom" | "status" | "number">>(
  versions: readonly V[],
  occurredAt: Date,
): V | null {
  let chosen: V | null = null;
  let chosenAt = Number.NEGATIVE_INFINITY;
  for (const v of versions) {
    const at = v.effectiveFrom?.getTime();
    if (v.status === "draft" || at === undefined || at > occurredAt.getTime()) continue;
    if (chosen === null || at > chosenAt || (at === chosenAt && v.number > chosen.number)) {
      chosen = v;
      chosenAt = at;
    }
  }
  return chosen;
}

export function evaluateAttempt(facts: AttemptFacts, version: VersionRule, now: Date): EvaluationTrace {
  const hours = version.observationWindowHours;
  const closesAt = new Date(facts.occurredAt.getTime() + hours * HOUR_MS);
  const open = now.getTime() < closesAt.getTime();
  const criteria = version.criteria.map((c): CriterionResult => {
    const seen = observe(facts, c.attribute);
    return {
      attribute: c.attribute,
      operator: c.operator,
      // A copy, so a trace can never alias (and later mutate) the version's own list.
      expected: Array.isArray(c.value) ? [...c.value] : (c.value ?? null),
      observed: seen?.value ?? null,
      label: c.label,
      whenMissing: c.whenMissing,
      ...(seen ? judge(c, seen) : whenMissing(c, open, hours)),
    };
  });
  // While the window is open any attribute can still change (a reopen, a late CSAT), so
  // nothing is billable or not-billable yet, however the criteria look right now.
  const passed = criteria.every((r) => r.result === "pass");
  return {
    status: open ? "pending" : passed ? "billable" : "not_billable",
    final: !open,
    versionId: version.id,
    versionNumber: version.number,
    windowClosesAt: closesAt.toISOString(),
    evaluatedAt: now.toISOString(),
    criteria,
  };
}

/**
 * Exactly `evaluateAttempt(facts, version, now).status`, without building the trace: no
 * dates, no explanations, and it stops at the first criterion that fails. For re-evaluating
 * many attempts at once (the impact preview); it reuses the same observe/judge/missing-value
 * rules, so the two cannot drift apart (a property test checks they agree).
 */
export function evaluateStatus(facts: AttemptFacts, version: VersionRule, now: Date): OutcomeStatus {
  // `new Date(ms)` truncates to whole milliseconds; do the same without the allocation.
  const closesAt = Math.trunc(facts.occurredAt.getTime() + version.observationWindowHours * HOUR_MS);
  if (now.getTime() < closesAt) return "pending";
  for (const c of version.criteria) {
    const seen = observe(facts, c.attribute);
    // The window is closed here, so a missing value passes only under the "pass" rule.
    if (seen ? judge(c, seen).result !== "pass" : missingRule(c) !== "pass") return "not_billable";
  }
  return "billable";
}

/** The rule as customers read it when it has no label, e.g. `csat ≥ 4 (passes when not reported)`. */
export function describeCriterion(c: Criterion): string {
  const takesValue = !["exists", "is_true", "is_false"].includes(c.operator);
  const value =
    takesValue && c.value !== undefined ? ` ${Array.isArray(c.value) ? showList(c.value) : show(c.value)}` : "";
  const rule = `${nameOf(c.attribute)} ${OPERATOR_SYMBOLS[c.operator]}${value}`;
  const missing = missingRule(c);
  if (missing === "pending") return `${rule} (pending until reported)`;
  if (missing === "pass") return `${rule} (passes when not reported)`;
  return rule;
}

// --- Reading the attempt ---------------------------------------------------------------

/** A reported value, how to show it, and for numbers (and the AI share) its exact decimal. */
interface Seen {
  value: AttributeValue;
  text: string;
  decimal: Decimal | null;
}

function observe(facts: AttemptFacts, attribute: string): Seen | null {
  if (attribute === AI_SHARE_ATTRIBUTE) {
    if (facts.aiShare === null) return null;
    const decimal = parseDecimal(facts.aiShare);
    // The trace shows a number like every other metric; comparisons use the exact string.
    if (decimal) return { value: Number(facts.aiShare), text: facts.aiShare, decimal };
    return { value: facts.aiShare, text: show(facts.aiShare), decimal: null };
  }
  // Own properties only: an attempt without "constructor" must not find Object's.
  const value = Object.hasOwn(facts.attributes, attribute) ? facts.attributes[attribute] : undefined;
  // Attributes arrive as JSON, so a null is treated as "not reported" rather than as a value.
  if (value === undefined || value === null) return null;
  return { value, text: show(value), decimal: typeof value === "number" ? toDecimal(value) : null };
}

// --- Judging one criterion -------------------------------------------------------------

interface Verdict {
  result: CriterionOutcome;
  explanation: string;
}

function judge(c: Criterion, seen: Seen): Verdict {
  const op = c.operator;
  const is = `${nameOf(c.attribute)} is ${seen.text}`;
  const verdict = (ok: boolean, need: string, obvious = false): Verdict =>
    ok
      ? { result: "pass", explanation: obvious ? `${is}, as required` : `${is}, as required (${need})` }
      : { result: "fail", explanation: `${is}, needs ${need}` };
  // A value of the wrong type, or a rule whose value does not fit its operator, fails rather
  // than guesses: better an unbilled outcome the provider can see than a bill on a guess.
  const fail = (explanation: string): Verdict => ({ result: "fail", explanation });

  if (op === "exists") return { result: "pass", explanation: `${is}, reported as required` };
  if (op === "is_true" || op === "is_false") {
    if (typeof seen.value !== "boolean") return fail(`expected true or false, got ${seen.text}`);
    return verdict(seen.value === (op === "is_true"), String(op === "is_true"), true);
  }
  if (op === "in" || op === "not_in") {
    if (!Array.isArray(c.value)) return fail("the rule has no list of values to check against");
    const member = c.value.some((v) => equals(seen, v));
    return verdict(member === (op === "in"), `${op === "in" ? "one of" : "none of"} ${showList(c.value)}`);
  }
  if (c.value === undefined || Array.isArray(c.value)) return fail("the rule has no single value to compare with");
  if (op === "eq") return verdict(equals(seen, c.value), show(c.value), true);
  if (op === "neq") return verdict(!equals(seen, c.value), `anything but ${show(c.value)}`);
  const order = compare(seen, c.value);
  if (typeof order === "string") return fail(order);
  const ok = { lt: order < 0, lte: order <= 0, gt: order > 0, gte: order >= 0 }[op];
  return verdict(ok, `${OPERATOR_SYMBOLS[op]} ${show(c.value)}`);
}

/** `exists` cannot pass on a missing value, whatever its rule says; otherwise the rule decides. */
function missingRule(c: Criterion) {
  return c.operator === "exists" && c.whenMissing === "pass" ? "fail" : c.whenMissing;
}

function whenMissing(c: Criterion, open: boolean, hours: number): Verdict {
  const rule = missingRule(c);
  if (rule === "pass") return { result: "pass", explanation: "not reported; counts as a pass when missing" };
  if (rule === "fail") return { result: "fail", explanation: "not reported; counts as a fail when missing" };
  return open
    ? { result: "pending", explanation: "not reported yet; waiting until the window closes" }
    : { result: "fail", explanation: `not reported within the ${hours}-hour observation window` };
}

/** Same type and value; numbers as exact decimals, so 4 = 4.0 and AI share "0.40" = 0.4. */
function equals(seen: Seen, expected: AttributeValue): boolean {
  if (typeof expected !== "number") return seen.value === expected;
  const target = toDecimal(expected);
  return seen.decimal !== null && target !== null && compareDecimals(seen.decimal, target) === 0;
}

/** Sign of observed − expected, or why the two cannot be ordered. */
function compare(seen: Seen, expected: AttributeValue): number | string {
  if (typeof expected === "number") {
    const target = toDecimal(expected);
    return seen.decimal && target ? compareDecimals(seen.decimal, target) : `expected a number, got ${seen.text}`;
  }
  if (typeof expected === "string") {
    return typeof seen.value === "string" ? compareText(seen.value, expected) : `expected text, got ${seen.text}`;
  }
  return `${expected} has no order to compare against`;
}

/** Code-point order (JS `<` compares UTF-16 units, which misorders text beyond the BMP). */
function compareText(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

// --- Exact decimals ----------------------------------------------------------------------

/** units × 10^−scale. Floats get "0.1 ≥ 0.1"-style edges wrong; scaled BigInts cannot. */
interface Decimal {
  units: bigint;
  scale: number;
}

// Exponents are capped at three digits: enough for any JS number ("5e-324"), and it keeps
// a hostile "1e999999999" from turning into a giant power of ten.
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d{1,3}))?$/i;

function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return null;
  const [, sign = "", whole = "", fraction = "", exponent = "0"] = m;
  if (whole === "" && fraction === "") return null;
  return { units: BigInt(`${sign}${whole}${fraction}`), scale: fraction.length - Number(exponent) };
}

/** A JS number's shortest round-trip text is the decimal its writer meant (0.1 → "0.1"). */
function toDecimal(n: number): Decimal | null {
  return Number.isFinite(n) ? parseDecimal(String(n)) : null;
}

function compareDecimals(a: Decimal, b: Decimal): number {
  const scale = Math.max(a.scale, b.scale);
  const x = a.units * 10n ** BigInt(scale - a.scale);
  const y = b.units * 10n ** BigInt(scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

// --- Words ---------------------------------------------------------------------------------

function nameOf(attribute: string): string {
  return attribute === AI_SHARE_ATTRIBUTE ? "AI share" : attribute;
}

function show(value: AttributeValue): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function showList(values: readonly AttributeValue[]): string {
  return values.length === 0 ? "(nothing)" : values.map(show).join(", ");
}
