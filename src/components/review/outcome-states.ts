// The states a disputed outcome moves through, as reviewers read them.
export const OUTCOME_STATES = ["undecided", "accepted", "partial", "rejected", "withdrawn"] as const;
export type DisputedOutcomeState = (typeof OUTCOME_STATES)[number];

export const OUTCOME_STATE_LABELS: Record<DisputedOutcomeState, string> = {
  undecided: "Undecided",
  accepted: "Accepted",
  partial: "Partially accepted",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
};
