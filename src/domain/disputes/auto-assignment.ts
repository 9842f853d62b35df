// Automatic assignment of a new dispute, as a provider setting: off, round robin among active
// reviewers, or by customer (the reviewer mapped to the customer). The choice is pure; the use
// case that opens a dispute applies it in the same transaction and audits it.
import { nextInTurn } from "./bulk-decision";

export const AUTO_ASSIGNMENT_MODES = ["off", "round_robin", "by_customer"] as const;
export type AutoAssignmentMode = (typeof AUTO_ASSIGNMENT_MODES)[number];

export const AUTO_ASSIGNMENT_LABELS: Record<AutoAssignmentMode, string> = {
  off: "Off: new disputes wait unassigned",
  round_robin: "Round robin among active reviewers",
  by_customer: "By customer: the reviewer mapped to the customer",
};

/** The reviewer a new dispute goes to, or null to leave it unassigned. */
export function chooseAssignee({
  mode,
  activeReviewerIds,
  lastChosenId,
  customerReviewerId,
}: {
  mode: AutoAssignmentMode;
  activeReviewerIds: readonly string[];
  lastChosenId: string | null;
  customerReviewerId: string | null;
}): string | null {
  if (mode === "round_robin") return nextInTurn(activeReviewerIds, lastChosenId);
  if (mode === "by_customer" && customerReviewerId && activeReviewerIds.includes(customerReviewerId)) {
    return customerReviewerId;
  }
  return null;
}
