"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { ServiceLevelState } from "@/domain/disputes/service-level";
import { AssignmentActions } from "./assignment-actions";
import { ServiceLevelLabel } from "./service-level-label";
import { ShortcutHelp, type ShortcutHelpHandle, ShortcutHint } from "./shortcut-help";
import { useAssignDispute } from "./use-assign-dispute";
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
  const router = useRouter();
  const [focused, setFocused] = useState(-1);
  const [notice, setNotice] = useState("");
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const help = useRef<ShortcutHelpHandle>(null);
  const { assign, pending } = useAssignDispute({ me, reviewers, onNotice: setNotice });

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
      else assign(current, me);
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
                    <AssignmentActions
                      dispute={row}
                      assigneeId={row.assignee?.id ?? null}
                      me={me}
                      reviewers={reviewers}
                      pending={pending}
                      onAssign={assign}
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
