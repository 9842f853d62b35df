// What a bulk action across disputes did, per dispute and in one sentence. Each dispute is
// decided (or assigned) through the same use case as a single one; this only reports.

export type BulkResult =
  | { disputeId: string; number: string; done: true; outcomes: number; creditMinor: bigint }
  | { disputeId: string; number: string; done: false; why: string };

/** "3 decided, 1 skipped: DSP-0042 already resolved by Ana Reviewer." — the skipped ones each named with why. */
export function describeBulkResults(results: readonly BulkResult[], verb: "decided" | "assigned"): string {
  const done = results.filter((r) => r.done).length;
  const skipped = results.filter((r): r is Extract<BulkResult, { done: false }> => !r.done);
  const head = `${done} ${verb}`;
  if (skipped.length === 0) return `${head}.`;
  return `${head}, ${skipped.length} skipped: ${skipped.map((s) => `${s.number} ${s.why}`).join("; ")}.`;
}

/**
 * Round robin among active reviewers: the one after the last one chosen, in a stable order
 * (by id), so that every reviewer gets the next dispute in turn; the first one when the last
 * chosen left or there was none. Null when no reviewer is active.
 */
export function nextInTurn(reviewerIds: readonly string[], lastChosenId: string | null): string | null {
  const ordered = [...new Set(reviewerIds)].sort();
  if (ordered.length === 0) return null;
  if (lastChosenId === null) return ordered[0]!;
  const after = ordered.find((id) => id > lastChosenId);
  return after ?? ordered[0]!;
}

/** Who decided a dispute, from its decisions in order: "Ana", "Ana and Ben", "Ana, Ben and Cy"; "" for nobody. */
export function describeDeciders(decidedBy: readonly string[]): string {
  const names = [...new Set(decidedBy)];
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
