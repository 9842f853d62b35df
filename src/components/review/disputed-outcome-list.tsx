"use client";
import type { RefObject } from "react";
import { stackedTableStyle } from "@/components/ui/table";
import { DISPUTED_OUTCOME_STATE_LABELS, type DisputedOutcomeState } from "@/domain/disputes/dispute-terms";
import { formatMoney } from "@/domain/money-format";
import { formatDateTime } from "@/lib/format";

export interface DisputedOutcomeView {
  attemptId: string;
  subject: string;
  occurredAt: Date;
  definitionKey: string;
  definitionName: string;
  version: number;
  state: DisputedOutcomeState;
  atStakeMinor: bigint;
  creditMinor: bigint;
  invoiceNumber: string | null;
  invoiceStatus: "draft" | "finalized";
  creditNoteNumber: string | null;
}

/** The disputed outcomes: a checkbox to select each undecided one, a button to view its evidence. */
/** On a phone its rows stack as cards, like every <Table>'s (this one keeps its own scrolling frame). */
const COLUMN_LABELS = stackedTableStyle(["", "Outcome", "Invoice", "At stake", "State"]);

export function DisputedOutcomeList({
  outcomes,
  currency,
  viewedId,
  selected,
  onView,
  onToggle,
  viewButtons,
}: {
  outcomes: DisputedOutcomeView[];
  currency: string;
  viewedId: string | null;
  selected: ReadonlySet<string>;
  onView: (attemptId: string) => void;
  onToggle: (attemptId: string) => void;
  viewButtons: RefObject<Map<string, HTMLButtonElement>>;
}) {
  return (
    <div className="max-h-[28rem] overflow-auto rounded-lg border border-slate-200">
      <table className="stacked-table min-w-full divide-y divide-slate-200 text-sm" style={COLUMN_LABELS}>
        <caption className="sr-only">Disputed outcomes</caption>
        <thead className="sticky top-0 z-10 bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">
              <span className="sr-only">Selected</span>
            </th>
            <th scope="col" className="px-3 py-2">
              Outcome
            </th>
            <th scope="col" className="px-3 py-2">
              Invoice
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              At stake
            </th>
            <th scope="col" className="px-3 py-2">
              State
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {outcomes.map((o) => {
            const viewed = o.attemptId === viewedId;
            return (
              <tr
                key={o.attemptId}
                aria-current={viewed ? "true" : undefined}
                data-testid="disputed-outcome"
                className={viewed ? "bg-brand-50 outline-2 -outline-offset-2 outline-brand-600" : ""}
              >
                <td className="px-3 py-2 align-top">
                  {o.state === "undecided" ? (
                    <input
                      type="checkbox"
                      checked={selected.has(o.attemptId)}
                      onChange={() => onToggle(o.attemptId)}
                      aria-label={`Select ${o.subject}`}
                      className="h-4 w-4 rounded border-slate-300"
                    />
                  ) : null}
                </td>
                <td className="px-3 py-2 align-top">
                  <button
                    type="button"
                    ref={(el) => {
                      if (el) viewButtons.current.set(o.attemptId, el);
                      else viewButtons.current.delete(o.attemptId);
                    }}
                    onClick={() => onView(o.attemptId)}
                    className="text-left font-medium text-brand-700 underline"
                  >
                    {o.subject}
                    {viewed && <span className="sr-only"> (shown below)</span>}
                  </button>
                  <p className="text-xs text-slate-600">
                    {o.definitionName} v{o.version} · {formatDateTime(o.occurredAt)}
                  </p>
                </td>
                <td className="px-3 py-2 align-top text-slate-700">
                  {o.invoiceNumber ?? "Draft invoice"}
                  {o.creditNoteNumber && <span className="block text-xs text-slate-600">{o.creditNoteNumber}</span>}
                </td>
                <td className="px-3 py-2 text-right align-top tabular-nums text-slate-900">
                  {formatMoney(o.atStakeMinor, currency)}
                </td>
                <td className="px-3 py-2 align-top text-slate-700">
                  {DISPUTED_OUTCOME_STATE_LABELS[o.state]}
                  {o.creditMinor > 0n && (
                    <span className="block text-xs text-slate-600">credit {formatMoney(o.creditMinor, currency)}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
