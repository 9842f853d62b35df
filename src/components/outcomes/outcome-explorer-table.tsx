"use client";
import { useState } from "react";
import {
  DisputeNotAllowed,
  type DisputeScopeInput,
  OpenDisputeDialog,
} from "@/components/disputes/open-dispute-dialog";
import { OutcomeStatusBadge } from "@/components/outcomes/outcome-status-badge";
// The explorer's rows with a checkbox each. The selection is exported or disputed: the
// checked rows, or every row matching the filter (resolved again on the server).
import { Link } from "@/components/ui/link";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/domain/money-format";
import type { Role } from "@/domain/roles";
import { formatDateTimeIn, formatUnitPrice } from "@/lib/format";

export interface ExplorerRow {
  id: string;
  occurredAt: string;
  subject: string;
  definitionName: string;
  version: number;
  status: "pending" | "billable" | "not_billable";
  eventCount: number;
  cost: string;
  costCurrency: string | null;
  /** What the outcome is charged (the same figures as its page, the CSV and REST); null: no contract. */
  charge: {
    summary: string;
    charged: string | null;
    currency: string;
    tier: number | null;
    rank: number | null;
    of: number | null;
    creditedMinor: bigint;
  } | null;
}

const button =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-700";

export function OutcomeExplorerTable({
  rows,
  caption,
  matching,
  filterSearch,
  filterQuery,
  role,
  timeZone,
}: {
  rows: ExplorerRow[];
  caption: string;
  /** How many rows match the filter, already worded ("1,234" or "10,000+"). */
  matching: string;
  /** The filter as a query string (`?status=…`), without the cursor. */
  filterSearch: string;
  /** The filter as the dispute scope names it, for "Dispute all matching". */
  filterQuery: Extract<DisputeScopeInput, { kind: "filter" }>["query"];
  role: Role;
  /** The customer's IANA zone: the outcomes are one customer's. */
  timeZone: string;
}) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  const pageChecked = rows.length > 0 && rows.every((r) => selected.has(r.id));

  const toggle = (id: string) => {
    setAllMatching(false);
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const togglePage = () => {
    setAllMatching(false);
    setSelected(pageChecked ? new Set() : new Set(rows.map((r) => r.id)));
  };
  const exportHref = allMatching
    ? `/api/portal/outcomes.csv${filterSearch}`
    : `/api/portal/outcomes.csv?ids=${[...selected].join(",")}`;
  const count = allMatching ? matching : selected.size.toLocaleString("en-US");
  const finance = role === "finance";
  const filterScope: DisputeScopeInput = { kind: "filter", query: filterQuery };

  return (
    <>
      <div className="mb-3 flex flex-wrap items-center gap-3 text-sm text-slate-700">
        <span aria-live="polite">
          {allMatching || selected.size > 0 ? `${count} selected` : `${matching} matching`}
          {allMatching && " (every outcome matching these filters)"}
        </span>
        {pageChecked && !allMatching && (
          <button type="button" className={button} onClick={() => setAllMatching(true)}>
            Select all {matching} matching this filter
          </button>
        )}
        {(allMatching || selected.size > 0) && (
          <>
            <a href={exportHref} className={button} download>
              Export selected to CSV
            </a>
            {finance ? (
              <OpenDisputeDialog
                scope={allMatching ? filterScope : { kind: "outcomes", attemptIds: [...selected] }}
                label={`Dispute ${count} selected`}
                role={role}
              />
            ) : (
              <DisputeNotAllowed role={role} />
            )}
            <button
              type="button"
              className="text-brand-700 hover:underline"
              onClick={() => {
                setSelected(new Set());
                setAllMatching(false);
              }}
            >
              Clear selection
            </button>
          </>
        )}
        <span className="ml-auto flex flex-wrap gap-3">
          {finance && <OpenDisputeDialog scope={filterScope} label="Dispute all matching the filter" role={role} />}
          <a href={`/api/portal/outcomes.csv${filterSearch}`} className={button} download>
            Export all matching to CSV
          </a>
        </span>
      </div>
      <Table
        caption={caption}
        head={
          <>
            <Th className="w-10">
              <input
                type="checkbox"
                aria-label="Select every outcome on this page"
                checked={pageChecked}
                onChange={togglePage}
              />
            </Th>
            <Th>Time</Th>
            <Th>Subject</Th>
            <Th>Definition</Th>
            <Th>Status</Th>
            <Th className="text-right">Events</Th>
            <Th className="text-right">Cost</Th>
            <Th className="text-right">Charged</Th>
          </>
        }
      >
        {rows.map((a) => (
          <tr key={a.id} className={selected.has(a.id) || allMatching ? "bg-brand-50" : undefined}>
            <Td>
              <input
                type="checkbox"
                aria-label={`Select ${a.subject}`}
                checked={allMatching || selected.has(a.id)}
                onChange={() => toggle(a.id)}
              />
            </Td>
            <Td className="whitespace-nowrap">{formatDateTimeIn(a.occurredAt, timeZone)}</Td>
            <Td className="max-w-[16rem] break-all font-mono text-xs">
              <Link href={`/outcomes/${a.id}`} className="text-brand-700 hover:underline">
                {a.subject}
              </Link>
            </Td>
            <Td>
              {a.definitionName} <span className="text-slate-500">v{a.version}</span>
            </Td>
            <Td>
              <OutcomeStatusBadge status={a.status} />
            </Td>
            <Td className="text-right tabular-nums">{a.eventCount}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              {a.costCurrency ? formatUnitPrice(a.cost, a.costCurrency) : "—"}
            </Td>
            <Td className="whitespace-nowrap text-right tabular-nums">
              <ChargeCell charge={a.charge} />
            </Td>
          </tr>
        ))}
      </Table>
    </>
  );
}

/** The charge in short: the amount, then tier and rank, and the credit beside it; the full sentence on hover. */
function ChargeCell({ charge }: { charge: ExplorerRow["charge"] }) {
  if (!charge) return <span title="No contract covers this month">—</span>;
  return (
    <span title={charge.summary}>
      <span className="sr-only">{charge.summary}</span>
      <span aria-hidden="true">
        {charge.charged === null ? "—" : formatUnitPrice(charge.charged, charge.currency)}
        {charge.rank !== null && (
          <span className="block text-xs text-slate-500">
            {charge.tier !== null && `tier ${charge.tier} · `}#{charge.rank.toLocaleString("en-US")} of{" "}
            {charge.of?.toLocaleString("en-US")}
          </span>
        )}
        {charge.creditedMinor > 0n && (
          <span className="block text-xs text-emerald-700">
            credited {formatMoney(charge.creditedMinor, charge.currency)}
          </span>
        )}
      </span>
    </span>
  );
}
