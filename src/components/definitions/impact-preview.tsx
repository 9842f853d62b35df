"use client";
// The impact of the saved draft: the definition's attempts of the last 7, 30 or 90 days
// re-evaluated under the draft and under the version in force. Nothing is written.
import { skipToken, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { EvaluationChecklist } from "@/components/outcomes/evaluation-checklist";
import { Table, Td, Th } from "@/components/ui/table";
import { formatMoney } from "@/domain/money-format";
import { formatDateTime } from "@/lib/format";
import { errorMessage, useTRPC } from "@/lib/trpc";

const PERIODS = [7, 30, 90] as const;
type Days = (typeof PERIODS)[number];

const DIRECTION_WORDS = {
  billable_to_not: "Billable now, not billable under the draft",
  not_to_billable: "Not billable now, billable under the draft",
} as const;
const DISPUTE_WORDS = { upheld: "disputed and upheld", rejected: "disputed and rejected" } as const;
const STATUS_WORDS = { pending: "Pending", billable: "Billable", not_billable: "Not billable" } as const;

const count = (n: number) => n.toLocaleString("en-US");
const signed = (n: number) => (n > 0 ? `+${count(n)}` : n < 0 ? `−${count(-n)}` : "±0");
const signedMoney = (minor: bigint, currency: string) =>
  minor > 0n
    ? `+${formatMoney(minor, currency)}`
    : minor < 0n
      ? `−${formatMoney(-minor, currency)}`
      : formatMoney(0n, currency);

export function ImpactPreview({
  definitionKey,
  definitionName,
  number,
}: {
  definitionKey: string;
  definitionName: string;
  number: number;
}) {
  const trpc = useTRPC();
  const [days, setDays] = useState<Days>(30);
  const [asked, setAsked] = useState<Days | null>(null);
  const preview = useQuery({
    ...trpc.definitions.previewImpact.queryOptions(asked ? { definitionKey, number, days: asked } : skipToken),
    staleTime: 0,
  });
  const data = preview.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-4">
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">Re-evaluate the attempts of the last</legend>
          <div className="mt-1 flex gap-4 text-sm">
            {PERIODS.map((d) => (
              <label key={d} className="flex items-center gap-2">
                <input type="radio" name="impact-days" checked={days === d} onChange={() => setDays(d)} />
                {d} days
              </label>
            ))}
          </div>
        </fieldset>
        <button
          type="button"
          disabled={preview.isFetching}
          onClick={() => (asked === days ? preview.refetch() : setAsked(days))}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
        >
          {preview.isFetching ? "Re-evaluating…" : "Preview the impact"}
        </button>
      </div>
      <p className="text-xs text-slate-500">
        Previews the saved draft version {number}; save the editor first. Nothing is written and no bill changes.
      </p>
      {preview.isError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
          {errorMessage(preview.error)}
        </p>
      )}
      {data && (
        <section aria-label="Impact of the draft" className="space-y-4" data-testid="impact-result">
          <p className="text-sm text-slate-700" role="status">
            {count(data.attempts)} attempts from {formatDateTime(data.from)} to {formatDateTime(data.to)} re-evaluated
            under version {data.currentVersion} (in force) and draft version {number}.
          </p>
          <dl className="grid grid-cols-2 gap-3 text-sm lg:grid-cols-4">
            {(
              [
                ["Billable → not billable", data.flips.billableToNot],
                ["Not billable → billable", data.flips.notToBillable],
                ["Upheld disputes it would have prevented", data.upheldPrevented],
                ["Rejected disputes it would now unbill", data.rejectedNowUnbilled],
              ] as const
            ).map(([label, n]) => (
              <div key={label} className="rounded-md bg-slate-50 px-3 py-2">
                <dt className="text-slate-600">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{count(n)}</dd>
              </div>
            ))}
          </dl>
          <Table
            caption="Outcomes by status under the version in force and under the draft"
            head={
              <>
                <Th>Status</Th>
                <Th>Version {data.currentVersion}</Th>
                <Th>Draft version {number}</Th>
              </>
            }
          >
            {(["billable", "not_billable", "pending"] as const).map((s) => (
              <tr key={s}>
                <Td>{STATUS_WORDS[s]}</Td>
                <Td className="tabular-nums">{count(data.totals.current[s])}</Td>
                <Td className="tabular-nums">{count(data.totals.draft[s])}</Td>
              </tr>
            ))}
          </Table>
          {data.customers.length === 0 ? (
            <p className="text-sm text-slate-600">No customer's bill would change.</p>
          ) : (
            <Table
              caption="Money effect per customer"
              head={
                <>
                  <Th>Customer</Th>
                  <Th>Outcomes gained</Th>
                  <Th>Outcomes lost</Th>
                  <Th>Net outcomes</Th>
                  <Th>Money effect</Th>
                </>
              }
            >
              {data.customers.map((c) => (
                <tr key={c.customerId}>
                  <Td>{c.customerName}</Td>
                  <Td className="tabular-nums">{count(c.gained)}</Td>
                  <Td className="tabular-nums">{count(c.lost)}</Td>
                  <Td className="tabular-nums">{signed(c.billableDelta)}</Td>
                  <Td className="tabular-nums">{signedMoney(c.moneyDeltaMinor, c.currency)}</Td>
                </tr>
              ))}
            </Table>
          )}
          {data.samples.length > 0 && (
            <section aria-label="Sample flips">
              <h3 className="text-sm font-semibold text-slate-900">Sample flips ({data.samples.length})</h3>
              <ul className="mt-2 space-y-2">
                {data.samples.map((s) => (
                  <li key={s.attemptId}>
                    <details className="rounded-lg border border-slate-200 p-3 text-sm">
                      <summary className="cursor-pointer">
                        <span className="font-medium">{s.subject}</span> · {s.customerName} ·{" "}
                        {DIRECTION_WORDS[s.direction]}
                        {s.dispute && ` · ${DISPUTE_WORDS[s.dispute]}`}
                      </summary>
                      <div className="mt-3 grid gap-4 lg:grid-cols-2">
                        <div>
                          <h4 className="mb-1 text-xs font-semibold uppercase text-slate-600">
                            Now: {STATUS_WORDS[s.current.status]}
                          </h4>
                          <EvaluationChecklist
                            timeZone="UTC"
                            trace={s.current}
                            definitionName={definitionName}
                            preview
                          />
                        </div>
                        <div>
                          <h4 className="mb-1 text-xs font-semibold uppercase text-slate-600">
                            Under the draft: {STATUS_WORDS[s.draft.status]}
                          </h4>
                          <EvaluationChecklist timeZone="UTC" trace={s.draft} definitionName={definitionName} preview />
                        </div>
                      </div>
                    </details>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </section>
      )}
    </div>
  );
}
