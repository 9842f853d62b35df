"use client";
import { useState } from "react";
import { AssignmentActions } from "./assignment-actions";
import { useAssignDispute } from "./use-assign-dispute";

/** Who works this dispute, and the controls to change it; once closed, who decided it. */
export function DisputeAssignment({
  dispute,
  assignee,
  me,
  reviewers,
  decidedBy,
}: {
  dispute: { id: string; number: string; open: boolean };
  /** Who decided it, e.g. "Ana and Ben"; "" when nobody has yet. */
  decidedBy: string;
  assignee: { id: string; name: string } | null;
  me: string;
  reviewers: { id: string; name: string }[];
}) {
  const [notice, setNotice] = useState("");
  const { assign, pending } = useAssignDispute({ me, reviewers, onNotice: setNotice });
  if (!dispute.open) {
    // Nothing is left to work on: no assignment controls, but who decided it.
    return (
      <p className="text-sm text-slate-900" data-testid="dispute-assignee">
        {decidedBy ? `Decided by ${decidedBy}` : "Closed before any decision"}
        {assignee && ` · was assigned to ${assignee.id === me ? "you" : assignee.name}`}
      </p>
    );
  }
  return (
    <div className="space-y-2 text-sm">
      <p className="text-slate-900" data-testid="dispute-assignee">
        {assignee
          ? assignee.id === me
            ? `Assigned to you (${assignee.name})`
            : `Assigned to ${assignee.name}`
          : "Unassigned"}
      </p>
      <AssignmentActions
        key={assignee?.id ?? "nobody"}
        dispute={dispute}
        assigneeId={assignee?.id ?? null}
        me={me}
        reviewers={reviewers}
        pending={pending}
        onAssign={assign}
      />
      <output aria-live="polite" className="block text-slate-700">
        {notice}
      </output>
    </div>
  );
}
