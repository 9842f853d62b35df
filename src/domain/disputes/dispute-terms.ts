// The words of disputes, as customers and reviewers read them, and the arithmetic of shares.
import { Dec } from "../money";

export const DISPUTE_REASONS = [
  "not_resolved",
  "reopened",
  "human_did_the_work",
  "duplicate",
  "wrong_definition",
  "other",
] as const;
export type DisputeReason = (typeof DISPUTE_REASONS)[number];

export const DISPUTE_REASON_LABELS: Record<DisputeReason, string> = {
  not_resolved: "Not actually resolved",
  reopened: "Reopened afterwards",
  human_did_the_work: "A human did the work",
  duplicate: "Duplicate",
  wrong_definition: "Wrong definition applied",
  other: "Other",
};

export const DISPUTE_STATUSES = ["open", "resolved", "withdrawn"] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  open: "Open",
  resolved: "Resolved",
  withdrawn: "Withdrawn",
};

/** The states a disputed outcome moves through, in the order a dispute's page lists them. */
export const DISPUTED_OUTCOME_STATES = ["undecided", "accepted", "partial", "rejected", "withdrawn"] as const;
export type DisputedOutcomeState = (typeof DISPUTED_OUTCOME_STATES)[number];

export const DISPUTED_OUTCOME_STATE_LABELS: Record<DisputedOutcomeState, string> = {
  undecided: "Undecided",
  accepted: "Accepted",
  partial: "Partially accepted",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};

export const ROOT_CAUSES = ["definition_gap", "detection_error", "attribution", "duplicate", "no_fault_found"] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

export const ROOT_CAUSE_LABELS: Record<RootCause, string> = {
  definition_gap: "Definition gap",
  detection_error: "Detection error",
  attribution: "Attribution (a human did the work)",
  duplicate: "Duplicate",
  no_fault_found: "No fault found",
};

export const ADJUDICATION_KINDS = ["accept", "partial", "reject"] as const;
export type AdjudicationKind = (typeof ADJUDICATION_KINDS)[number];

export const ADJUDICATION_LABELS: Record<AdjudicationKind, string> = {
  accept: "Accepted (full credit)",
  partial: "Partially accepted",
  reject: "Rejected",
};

/** Shares are kept to six decimals (the column's scale), rounded half-even. */
export const SHARE_DECIMALS = 6;

/** The share of the whole outcome a decision credits: the disputed share times the granted percentage. */
export function creditShareOf(disputedShare: string, kind: AdjudicationKind, percent: string | null): string {
  if (kind === "reject") return "0";
  if (kind === "accept") return new Dec(disputedShare).toFixed();
  const p = new Dec(percent ?? "NaN");
  if (!p.isFinite() || p.lte(0) || p.gte(100))
    throw new Error("A partial credit is more than 0 % and less than 100 %.");
  return new Dec(disputedShare).times(p).div(100).toDecimalPlaces(SHARE_DECIMALS).toFixed();
}

/** What is left to dispute of an outcome after earlier credits (never below 0). */
export function remainingShare(creditedShares: readonly string[]): string {
  const left = new Dec(1).minus(creditedShares.reduce((s, c) => s.plus(c), new Dec(0)));
  return (left.lt(0) ? new Dec(0) : left).toFixed();
}
