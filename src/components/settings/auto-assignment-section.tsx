"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Card } from "@/components/ui/card";
import {
  AUTO_ASSIGNMENT_LABELS,
  AUTO_ASSIGNMENT_MODES,
  type AutoAssignmentMode,
} from "@/domain/disputes/auto-assignment";
import { errorMessage, useTRPC } from "@/lib/trpc";

/** Settings › Automatic assignment: who a new dispute goes to when it is opened. */
export function AutoAssignmentSection({
  mode,
  customers,
  reviewers,
}: {
  mode: AutoAssignmentMode;
  customers: { id: string; name: string; reviewerId: string | null }[];
  reviewers: { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [chosen, setChosen] = useState(mode);
  const [mapping, setMapping] = useState(() => new Map(customers.map((c) => [c.id, c.reviewerId ?? ""])));
  const [saved, setSaved] = useState("");
  const update = useMutation(
    trpc.settings.updateAutoAssignment.mutationOptions({
      onSuccess: (result) => {
        setSaved(`Saved: ${AUTO_ASSIGNMENT_LABELS[result.mode].toLowerCase()}.`);
        router.refresh();
      },
    }),
  );
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved("");
    update.mutate({
      mode: chosen,
      customerReviewers:
        chosen === "by_customer"
          ? [...mapping].map(([customerId, reviewerId]) => ({ customerId, reviewerId: reviewerId || null }))
          : [],
    });
  }
  return (
    <Card title="Automatic assignment">
      <form onSubmit={onSubmit} noValidate aria-label="Automatic assignment" className="space-y-3 text-sm">
        <fieldset>
          <legend className="font-medium text-slate-700">When a customer opens a dispute</legend>
          <div className="mt-1 space-y-1">
            {AUTO_ASSIGNMENT_MODES.map((m) => (
              <label key={m} className="flex items-center gap-2">
                <input type="radio" name="auto-assignment" checked={chosen === m} onChange={() => setChosen(m)} />
                {AUTO_ASSIGNMENT_LABELS[m]}
              </label>
            ))}
          </div>
        </fieldset>
        {chosen === "by_customer" && (
          <div className="grid max-w-xl gap-2 sm:grid-cols-2">
            {customers.map((c) => (
              <label key={c.id} className="text-slate-700">
                {c.name}
                <select
                  value={mapping.get(c.id) ?? ""}
                  onChange={(e) => setMapping((m) => new Map(m).set(c.id, e.target.value))}
                  className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5"
                >
                  <option value="">Nobody: stays unassigned</option>
                  {reviewers.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        )}
        <p className="text-xs text-slate-500">
          Round robin takes turns among active reviewers. Every automatic assignment is in the audit log.
        </p>
        <button
          type="submit"
          disabled={update.isPending}
          className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-70"
        >
          Save automatic assignment
        </button>
        <output aria-live="polite" className="block text-slate-700">
          {update.isError ? errorMessage(update.error) : saved}
        </output>
      </form>
    </Card>
  );
}
