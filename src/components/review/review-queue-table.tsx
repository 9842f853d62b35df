"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useRef, useState } from "react";
import type { ServiceLevelState } from "@/domain/disputes/service-level";
import { errorMessage, useTRPC } from "@/lib/trpc";
import { ServiceLevelLabel } from "./service-level-label";
import { ShortcutHelp, type ShortcutHelpHandle, ShortcutHint } from "./shortcut-help";
import { isControl, useShortcuts } from "./use-shortcuts";

export interface QueueRow {
  id: string;
  number: string;
  scopeLabel: string;
  customerName: string;
  reasonLabel: string;
  outcomeCount: number;
  undecidedCount: number;
  atStake: string;
  serviceLevel: ServiceLevelState | null;
  assignee: { id: string; name: string } | null;
  openedAt: string;
}

const SHORTCUTS: [string, string][] = [
  ["j", "Next dispute"],
  ["k", "Previous dispute"],
  ["Enter or o", "Open the highlighted dispute"],
  ["a", "Assign the highlighted dispute to me"],
  ["?", "Show these shortcuts"],
];

const small =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50";

/** The queue's rows with their assignment actions and the keyboard shortcuts a reviewer works with. */
export function ReviewQueueTable({
  rows,
  me,
  reviewers,
}: {
  rows: QueueRow[];
  me: string;
  reviewers: { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [focused, setFocused] = useState(-1);
  const [notice, setNotice] = useState("");
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const help = useRef<ShortcutHelpHandle>(null);
  const assign = useMutation(
    trpc.disputes.assign.mutationOptions({
      onSuccess: () => {
        router.refresh();
        queryClient.invalidateQueries({ queryKey: trpc.disputes.counters.queryKey() });
      },
    }),
  );

  function assignTo(row: QueueRow, assigneeId: string | null) {
    const name = assigneeId === me ? "you" : (reviewers.find((r) => r.id === assigneeId)?.name ?? "nobody");
    setNotice(`Assigning ${row.number}…`);
    assign.mutate(
      { disputeId: row.id, assigneeId },
      {
        onSuccess: (result) =>
          setNotice(
            assigneeId === null
              ? `${row.number} is unassigned.`
              : result.changed
                ? `${row.number} is now assigned to ${name}.`
                : `${row.number} was already assigned to ${name}.`,
          ),
        onError: (error) => setNotice(`${row.number}: ${errorMessage(error)}`),
      },
    );
  }

  function move(to: number) {
    if (rows.length === 0) return;
    const index = Math.max(0, Math.min(rows.length - 1, to));
    setFocused(index);
    links.current[index]?.focus();
  }

  const current = focused >= 0 ? rows[focused] : undefined;
  useShortcuts({
    j: () => move(focused + 1),
    k: () => move(focused < 0 ? 0 : focused - 1),
    o: () => {
      if (current) router.push(`/review/${current.id}`);
    },
    enter: (event) => {
      if (isControl(event.target) || !current) return false;
      router.push(`/review/${current.id}`);
    },
    a: () => {
      if (!current) setNotice("Move to a dispute with j or k first, then press a.");
      else if (current.assignee?.id === me) setNotice(`${current.number} is already assigned to you.`);
      else assignTo(current, me);
    },
    "?": () => help.current?.open(),
  });

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <ShortcutHint
          summary="j/k next and previous, Enter or o opens, a assigns to me"
          onShowAll={() => help.current?.open()}
        />
        <output aria-live="polite" className="text-sm text-slate-700" data-testid="queue-notice">
          {notice}
        </output>
      </div>
      <ShortcutHelp ref={help} title="Review queue shortcuts" shortcuts={SHORTCUTS} />
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Disputes in the review queue</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-3">
                Dispute
              </th>
              <th scope="col" className="px-4 py-3">
                Customer
              </th>
              <th scope="col" className="px-4 py-3">
                Reason
              </th>
              <th scope="col" className="px-4 py-3">
                Undecided
              </th>
              <th scope="col" className="px-4 py-3 text-right">
                At stake
              </th>
              <th scope="col" className="px-4 py-3">
                Service level
              </th>
              <th scope="col" className="px-4 py-3">
                Assignee
              </th>
              <th scope="col" className="px-4 py-3">
                Opened
              </th>
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((row, index) => {
              const breached = row.serviceLevel?.breached ?? false;
              return (
                <tr
                  key={row.id}
                  onFocus={() => setFocused(index)}
                  data-testid="queue-row"
                  aria-current={index === focused ? "true" : undefined}
                  className={`${breached ? "bg-red-50/70" : ""} ${index === focused ? "outline-2 -outline-offset-2 outline-brand-600" : ""}`}
                >
                  <td
                    className={`px-4 py-3 align-top ${breached ? "border-l-4 border-red-600" : "border-l-4 border-transparent"}`}
                  >
                    <Link
                      href={`/review/${row.id}`}
                      ref={(el) => {
                        links.current[index] = el;
                      }}
                      className="font-medium text-brand-700 underline"
                    >
                      {row.number}
                    </Link>
                    <p className="text-xs text-slate-500">{row.scopeLabel}</p>
                  </td>
                  <td className="px-4 py-3 align-top text-slate-900">{row.customerName}</td>
                  <td className="px-4 py-3 align-top text-slate-700">{row.reasonLabel}</td>
                  <td className="px-4 py-3 align-top text-slate-700">
                    {row.undecidedCount} of {row.outcomeCount}
                  </td>
                  <td className="px-4 py-3 text-right align-top tabular-nums text-slate-900">{row.atStake}</td>
                  <td className="px-4 py-3 align-top">
                    <ServiceLevelLabel serviceLevel={row.serviceLevel} />
                  </td>
                  <td className="px-4 py-3 align-top text-slate-700">
                    {row.assignee ? (row.assignee.id === me ? "You" : row.assignee.name) : "Unassigned"}
                  </td>
                  <td className="px-4 py-3 align-top text-slate-700">{row.openedAt}</td>
                  <td className="px-4 py-3 align-top">
                    <RowActions
                      row={row}
                      me={me}
                      reviewers={reviewers}
                      pending={assign.isPending}
                      onAssign={assignTo}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function RowActions({
  row,
  me,
  reviewers,
  pending,
  onAssign,
}: {
  row: QueueRow;
  me: string;
  reviewers: { id: string; name: string }[];
  pending: boolean;
  onAssign: (row: QueueRow, assigneeId: string | null) => void;
}) {
  const [choice, setChoice] = useState(row.assignee?.id ?? "");
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (choice) onAssign(row, choice);
  }
  return (
    <div className="flex flex-wrap items-start gap-2">
      {row.assignee?.id !== me && (
        <button type="button" disabled={pending} onClick={() => onAssign(row, me)} className={small}>
          Assign to me<span className="sr-only"> ({row.number})</span>
        </button>
      )}
      {row.assignee && (
        <button type="button" disabled={pending} onClick={() => onAssign(row, null)} className={small}>
          Unassign<span className="sr-only"> {row.number}</span>
        </button>
      )}
      <details className="text-xs">
        <summary className="cursor-pointer rounded-md px-2 py-1 font-medium text-brand-700 hover:bg-slate-100">
          Assign to…<span className="sr-only"> ({row.number})</span>
        </summary>
        <form onSubmit={onSubmit} className="mt-2 flex items-end gap-2">
          <label className="text-xs font-medium text-slate-600">
            Reviewer for {row.number}
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
