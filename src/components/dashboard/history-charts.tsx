// Six periods as charts, each with a title and a visually hidden table of its numbers (with
// links to the outcomes behind them) for screen readers.
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { VisuallyHiddenTable } from "@/components/ui/table";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney, toMajorUnits } from "@/domain/money";
import type { ChargeKind, PeriodHistory } from "@/server/services/dashboard/load-dashboard";
import { formatCount } from "./figures";
import { type ChartRow, type ChartSeries, HistoryChart } from "./history-chart";
import { outcomesHref } from "./outcome-links";

const shortPeriod = new Intl.DateTimeFormat("en-US", { month: "short", year: "2-digit", timeZone: "UTC" });

const CHARGE_SERIES: (ChartSeries & { key: ChargeKind })[] = [
  { key: "platform_fee", label: "Platform fee", color: "#0f2c63", stack: "charges" },
  { key: "attempts", label: "Attempt fees", color: "#1d5fd6", stack: "charges" },
  { key: "outcomes", label: "Outcome charges", color: "#60a5fa", stack: "charges" },
  { key: "tier_flat_fee", label: "Tier flat fees", color: "#93c5fd", stack: "charges" },
  { key: "price_minimum", label: "Outcome price minimums", color: "#cbd5e1", stack: "charges" },
  { key: "minimum_true_up", label: "Minimum true-up", color: "#94a3b8", stack: "charges" },
  { key: "late_items", label: "Late items", color: "#f59e0b", stack: "charges" },
  { key: "price_maximum", label: "Outcome price maximums", color: "#fb7185", stack: "adjustments" },
  { key: "cap_adjustment", label: "Cap adjustment", color: "#e11d48", stack: "adjustments" },
  { key: "price_discount", label: "Outcome price discounts", color: "#a78bfa", stack: "adjustments" },
  { key: "invoice_discount", label: "Invoice discounts", color: "#7c3aed", stack: "adjustments" },
  { key: "dispute_credit", label: "Dispute credits", color: "#059669", stack: "adjustments" },
];

const sourceLabel = { finalized: "finalized invoice", draft: "draft, computed live", none: "no contract" } as const;

export function HistoryCharts({ history, currency }: { history: PeriodHistory[]; currency: string }) {
  const money = (minor: bigint) => formatMoney(minor, currency);
  // Drawing only: a bar's height as a number of major units.
  const height = (minor: bigint) => toMajorUnits(minor, currency).toNumber();
  const usedCharges = CHARGE_SERIES.filter((s) => history.some((p) => p.charges[s.key] !== 0n));

  const chargeRows: ChartRow[] = history.map((p) => ({
    period: shortPeriod.format(p.periodStart),
    values: Object.fromEntries(usedCharges.map((s) => [s.key, height(p.charges[s.key])])),
    labels: Object.fromEntries(usedCharges.map((s) => [s.key, money(p.charges[s.key])])),
  }));
  const usageRows: ChartRow[] = history.map((p) => ({
    period: shortPeriod.format(p.periodStart),
    values: { attempts: p.attempts, billable: p.billable },
    labels: { attempts: formatCount(p.attempts), billable: formatCount(p.billable) },
  }));
  const creditRows: ChartRow[] = history.map((p) => ({
    period: shortPeriod.format(p.periodStart),
    values: { credited: height(p.creditedMinor) },
    labels: {
      credited: `${money(p.creditedMinor)}: dispute credits ${money(p.disputeCreditsMinor)}, credit notes ${money(p.creditNotesMinor)}`,
    },
  }));

  return (
    <div className="grid gap-6 xl:grid-cols-3">
      <ChartCard
        title="Charges by line type"
        description="Stacked by invoice line type; the cap adjustment (negative) beside them."
      >
        <HistoryChart rows={chargeRows} series={usedCharges} money />
        <VisuallyHiddenTable>
          <caption>Charges by line type, last six periods</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              {usedCharges.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {history.map((p) => (
              <tr key={p.periodStart.toISOString()}>
                <th scope="row">
                  {periodLabel(p.periodStart)} ({sourceLabel[p.source]})
                </th>
                {usedCharges.map((s) => (
                  <td key={s.key}>{money(p.charges[s.key])}</td>
                ))}
                <td>
                  <a href={outcomesHref({ status: "billable", from: p.periodStart, to: p.periodEnd })}>
                    {money(p.totalMinor)}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </VisuallyHiddenTable>
      </ChartCard>
      <ChartCard title="Outcomes and attempts" description="Billable outcomes against all attempts per period.">
        <HistoryChart
          rows={usageRows}
          series={[
            { key: "attempts", label: "Attempts", color: "#cbd5e1" },
            { key: "billable", label: "Billable outcomes", color: "#1d5fd6" },
          ]}
          money={false}
        />
        <VisuallyHiddenTable>
          <caption>Outcomes and attempts, last six periods</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Attempts</th>
              <th scope="col">Billable outcomes</th>
              <th scope="col">Pending</th>
            </tr>
          </thead>
          <tbody>
            {history.map((p) => (
              <tr key={p.periodStart.toISOString()}>
                <th scope="row">{periodLabel(p.periodStart)}</th>
                <td>
                  <a href={outcomesHref({ from: p.periodStart, to: p.periodEnd })}>{formatCount(p.attempts)}</a>
                </td>
                <td>
                  <a href={outcomesHref({ status: "billable", from: p.periodStart, to: p.periodEnd })}>
                    {formatCount(p.billable)}
                  </a>
                </td>
                <td>
                  <a href={outcomesHref({ status: "pending", from: p.periodStart, to: p.periodEnd })}>
                    {formatCount(p.pending)}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </VisuallyHiddenTable>
      </ChartCard>
      <ChartCard
        title="Credits"
        description={
          history.some((p) => p.creditedMinor > 0n)
            ? "Dispute credits and credit notes, by the period of the invoice they credit."
            : "Nothing has been credited in these six months: no dispute credits, no credit notes."
        }
      >
        <HistoryChart rows={creditRows} series={[{ key: "credited", label: "Credits", color: "#059669" }]} money />
        <VisuallyHiddenTable>
          <caption>Credits, last six periods</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Credits</th>
              <th scope="col">Dispute credits</th>
              <th scope="col">Credit notes</th>
            </tr>
          </thead>
          <tbody>
            {history.map((p) => (
              <tr key={p.periodStart.toISOString()}>
                <th scope="row">{periodLabel(p.periodStart)}</th>
                <td>{money(p.creditedMinor)}</td>
                <td>{money(p.disputeCreditsMinor)}</td>
                <td>
                  {money(p.creditNotesMinor)} ({p.creditNotes})
                </td>
              </tr>
            ))}
          </tbody>
        </VisuallyHiddenTable>
      </ChartCard>
    </div>
  );
}

function ChartCard({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <Card title={title}>
      <p className="mb-3 text-xs text-slate-500">{description}</p>
      {children}
    </Card>
  );
}
