"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { ServiceLevel } from "@/components/disputes/service-level";
import { Link } from "@/components/ui/link";
import { Table, Td, Th } from "@/components/ui/table";
import { describeLookers } from "@/domain/disputes/presence";
import type { ServiceLevelState } from "@/domain/disputes/service-level";
import { AssignmentActions } from "./assignment-actions";
import { BulkActions } from "./bulk-actions";
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
  open: boolean;
  /** Other staff with its review page open just now. */
  lookers: string[];
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
  // The focused dispute, by id: the queue refreshes while a reviewer works, and an index would
  // then point at another dispute.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focused = focusedId ? rows.findIndex((r) => r.id === focusedId) : -1;
  const [notice, setNotice] = useState("");
  const links = useRef<(HTMLAnchorElement | null)[]>([]);
  const help = useRef<ShortcutHelpHandle>(null);
  const { assign, pending } = useAssignDispute({ me, reviewers, onNotice: setNotice });
  // Selected for a bulk action, by id; only open disputes can be selected.
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const selectable = rows.filter((r) => r.open);
  const selectedIds = selectable.filter((r) => selected.has(r.id)).map((r) => r.id);
  function toggle(id: string) {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function move(to: number) {
    if (rows.length === 0) return;
    const index = Math.max(0, Math.min(rows.length - 1, to));
    setFocusedId(rows[index]!.id);
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
      else if (!current.open) setNotice(`${current.number} is closed: there is nothing to assign.`);
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
      {selectable.length > 0 && (
        <BulkActions selectedIds={selectedIds} reviewers={reviewers} me={me} onDone={() => setSelected(new Set())} />
      )}
      <Table
        caption="Disputes in the review queue"
        head={
          <>
            <Th>
              {/* Named by aria-label, not text: on a phone the column's heading text labels each row's cell. */}
              {selectable.length > 0 && (
                <input
                  type="checkbox"
                  aria-label="Select every open dispute on this page"
                  checked={selectedIds.length === selectable.length}
                  onChange={(e) => setSelected(new Set(e.target.checked ? selectable.map((r) => r.id) : []))}
                />
              )}
            </Th>
            <Th>Dispute</Th>
            <Th>Customer</Th>
            <Th>Reason</Th>
            <Th>Undecided</Th>
            <Th className="text-right">At stake</Th>
            <Th>Service level</Th>
            <Th>Assignee</Th>
            <Th>Opened</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </>
        }
      >
        {rows.map((row, index) => {
          const breached = row.serviceLevel?.breached ?? false;
          return (
            <tr
              key={row.id}
              onFocus={() => setFocusedId(row.id)}
              data-testid="queue-row"
              aria-current={index === focused ? "true" : undefined}
              className={`${breached ? "bg-red-50/70" : ""} ${index === focused ? "outline-2 -outline-offset-2 outline-brand-600" : ""}`}
            >
              <td
                className={`px-4 py-3 align-top ${breached ? "border-l-4 border-red-600" : "border-l-4 border-transparent"}`}
              >
                {row.open && (
                  <input
                    type="checkbox"
                    checked={selected.has(row.id)}
                    onChange={() => toggle(row.id)}
                    aria-label={`Select ${row.number}`}
                  />
                )}
              </td>
              <td className="px-4 py-3 align-top">
                <Link
                  href={`/review/${row.id}`}
                  ref={(el) => {
                    links.current[index] = el;
                  }}
                  className="font-medium text-brand-700 underline"
                >
                  {row.number}
                </Link>
                <p className="text-xs text-slate-600">{row.scopeLabel}</p>
                {row.lookers.length > 0 && (
                  <p className="mt-1 text-xs font-medium text-amber-800" data-testid="queue-row-presence">
                    {describeLookers(row.lookers)}
                  </p>
                )}
              </td>
              <td className="px-4 py-3 align-top text-slate-900">{row.customerName}</td>
              <Td>{row.reasonLabel}</Td>
              <Td>
                {row.undecidedCount} of {row.outcomeCount}
              </Td>
              <td className="px-4 py-3 text-right align-top tabular-nums text-slate-900">{row.atStake}</td>
              <Td>
                <ServiceLevel state={row.serviceLevel} />
              </Td>
              <Td>{row.assignee ? (row.assignee.id === me ? "You" : row.assignee.name) : "Unassigned"}</Td>
              <Td>{row.openedAt}</Td>
              <Td>
                {/* A resolved or withdrawn dispute has nothing left to work on: no assignment. */}
                {row.open && (
                  <AssignmentActions
                    dispute={row}
                    assigneeId={row.assignee?.id ?? null}
                    me={me}
                    reviewers={reviewers}
                    pending={pending}
                    onAssign={assign}
                  />
                )}
              </Td>
            </tr>
          );
        })}
      </Table>
    </div>
  );
}
