"use client";
import { type FormEvent, useState } from "react";
import type { AssignableDispute } from "./use-assign-dispute";

const small =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:opacity-60";

/** Assign to me, unassign, or assign to someone chosen from the active reviewers. */
export function AssignmentActions({
  dispute,
  assigneeId,
  me,
  reviewers,
  pending,
  onAssign,
}: {
  dispute: AssignableDispute;
  assigneeId: string | null;
  me: string;
  reviewers: { id: string; name: string }[];
  pending: boolean;
  onAssign: (dispute: AssignableDispute, assigneeId: string | null) => void;
}) {
  const [choice, setChoice] = useState(assigneeId ?? "");
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (choice) onAssign(dispute, choice);
  }
  return (
    <div className="flex flex-wrap items-start gap-2">
      {assigneeId !== me && (
        <button type="button" disabled={pending} onClick={() => onAssign(dispute, me)} className={small}>
          Assign to me<span className="sr-only"> ({dispute.number})</span>
        </button>
      )}
      {assigneeId && (
        <button type="button" disabled={pending} onClick={() => onAssign(dispute, null)} className={small}>
          Unassign<span className="sr-only"> {dispute.number}</span>
        </button>
      )}
      <details className="text-xs">
        <summary className="cursor-pointer rounded-md px-2 py-1 font-medium text-brand-700 hover:bg-slate-100">
          Assign to…<span className="sr-only"> ({dispute.number})</span>
        </summary>
        <form onSubmit={onSubmit} className="mt-2 flex items-end gap-2">
          <label className="text-xs font-medium text-slate-600">
            Reviewer for {dispute.number}
            <select
              value={choice}
              onChange={(e) => setChoice(e.target.value)}
              className="mt-1 block rounded-md border border-slate-300 bg-white px-2 py-1 text-xs"
            >
              <option value="" disabled>
                Choose a reviewer
              </option>
              {reviewers.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.id === me ? `${r.name} (you)` : r.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={pending || !choice} className={small}>
            Assign
          </button>
        </form>
      </details>
    </div>
  );
}
