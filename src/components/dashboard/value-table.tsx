import { Table, Td, Th } from "@/components/ui/table";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney } from "@/domain/money";
import { formatCount, formatPercent } from "./figures";
import type { Dashboard } from "./types";

/** Value delivered against charged per period, oldest first; shared by the dashboard and the value report. */
export function ValueTable({ value, caption }: { value: Dashboard["value"]; caption: string }) {
  const money = (minor: bigint) => formatMoney(minor, value.currency);
  return (
    <Table
      caption={caption}
      head={
        <>
          <Th>Period</Th>
          <Th className="text-right">Billable outcomes</Th>
          <Th className="text-right">Value delivered</Th>
          <Th className="text-right">Charged</Th>
          <Th className="text-right">ROI</Th>
        </>
      }
    >
      {value.periods.map((p) => (
        <tr key={p.periodStart.toISOString()}>
          <Td className="font-medium text-slate-900">{periodLabel(p.periodStart)}</Td>
          <Td className="text-right tabular-nums">{formatCount(p.billable)}</Td>
          <Td className="text-right tabular-nums">{money(p.valueMinor)}</Td>
          <Td className="text-right tabular-nums">{money(p.chargedMinor)}</Td>
          <Td className="text-right tabular-nums">{formatPercent(p.roi)}</Td>
        </tr>
      ))}
      <tr className="bg-slate-50 font-semibold">
        <Td className="text-slate-900">Six periods</Td>
        <Td className="text-right tabular-nums">{formatCount(value.total.billable)}</Td>
        <Td className="text-right tabular-nums">{money(value.total.valueMinor)}</Td>
        <Td className="text-right tabular-nums">{money(value.total.chargedMinor)}</Td>
        <Td className="text-right tabular-nums">
          <span data-testid="value-total-roi">{formatPercent(value.total.roi)}</span>
        </Td>
      </tr>
    </Table>
  );
}
