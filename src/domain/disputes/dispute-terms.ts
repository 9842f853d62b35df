// The words of disputes, as customers and reviewers read them (the share arithmetic: credit-shares.ts).

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
