// The vocabulary of outcome definitions: what a criterion is, and what evaluating an
// attempt against a definition version produces (the trace customers see as evidence).

export type AttributeValue = string | number | boolean;
export type Attributes = Readonly<Record<string, AttributeValue>>;

export const OPERATORS = [
  "eq",
  "neq",
  "lt",
  "lte",
  "gt",
  "gte",
  "in",
  "not_in",
  "exists",
  "is_true",
  "is_false",
] as const;
export type Operator = (typeof OPERATORS)[number];

/** How operators read to a person (=, ≠, <, ≤, >, ≥, in, not in, exists, is true, is false). */
export const OPERATOR_SYMBOLS: Record<Operator, string> = {
  eq: "=",
  neq: "≠",
  lt: "<",
  lte: "≤",
  gt: ">",
  gte: "≥",
  in: "in",
  not_in: "not in",
  exists: "exists",
  is_true: "is true",
  is_false: "is false",
};

/** What a missing attribute means: fail now, pass, or wait (pending) until the window closes, then fail. */
export const MISSING_RULES = ["fail", "pass", "pending"] as const;
export type MissingRule = (typeof MISSING_RULES)[number];

/** The attempt's AI share (0..1) is addressed as this attribute: attribution is a criterion. */
export const AI_SHARE_ATTRIBUTE = "aiShare";

export interface Criterion {
  /** Attribute name in the attempt's attributes, or "aiShare". */
  attribute: string;
  operator: Operator;
  /** A single value for comparisons, a list for in / not in, absent for exists / is true / is false. */
  value?: AttributeValue | AttributeValue[];
  /** What customers read, e.g. "Not reopened within 72 hours". */
  label: string;
  whenMissing: MissingRule;
}

/** The parts of a definition version that evaluation needs. */
export interface VersionRule {
  id: string;
  number: number;
  criteria: readonly Criterion[];
  observationWindowHours: number;
  /** Null for a draft that has not been given an effective time. */
  effectiveFrom: Date | null;
  status: "draft" | "published" | "retired";
}

export interface AttemptFacts {
  attributes: Attributes;
  /** 0..1 as a decimal string ("0.4"), or null when the provider did not say. */
  aiShare: string | null;
  occurredAt: Date;
}

export type CriterionOutcome = "pass" | "fail" | "pending";

export interface CriterionResult {
  attribute: string;
  operator: Operator;
  expected: AttributeValue | AttributeValue[] | null;
  /** The value seen on the attempt, or null when missing. */
  observed: AttributeValue | null;
  label: string;
  whenMissing: MissingRule;
  result: CriterionOutcome;
  /** Why, in plain words, e.g. "CSAT 3 is below 4" or "not reported yet". */
  explanation: string;
}

export type OutcomeStatus = "pending" | "billable" | "not_billable";

export interface EvaluationTrace {
  status: OutcomeStatus;
  /** True once the observation window has closed: the status can no longer change. */
  final: boolean;
  versionId: string;
  versionNumber: number;
  windowClosesAt: string; // ISO
  evaluatedAt: string; // ISO
  criteria: CriterionResult[];
  /** Set when the status has a reason outside the criteria, e.g. every event was voided. */
  note?: string;
}
