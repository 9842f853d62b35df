import { Link } from "@/components/ui/link";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { formatCount, formatRate, TrendBars } from "./trend-bars";

export interface DefinitionMonthView {
  periodStart: Date;
  billable: number;
  successRate: number | null;
  disputeRate: number | null;
  upheldRate: number | null;
}

export interface DefinitionRow {
  key: string;
  name: string;
  unitLabel: string;
  current: { number: number; effectiveFrom: Date | null } | null;
  hasDraft: boolean;
  months: DefinitionMonthView[];
}

type Figure = "billable" | "successRate" | "disputeRate" | "upheldRate";
const FIGURES: { key: Figure; title: string; format: (v: number | null) => string }[] = [
  { key: "billable", title: "Billable outcomes", format: formatCount },
  { key: "successRate", title: "Success rate", format: formatRate },
  { key: "disputeRate", title: "Dispute rate", format: formatRate },
  { key: "upheldRate", title: "Upheld disputes", format: formatRate },
];

/** Per definition the version in force and this month's figures, each with its six-month trend. */
export function DefinitionsTable({ rows }: { rows: DefinitionRow[] }) {
  return (
    <Table
      caption="Outcome definitions with this month's figures and their six-month trends"
      head={
        <>
          <Th>Definition</Th>
          <Th>In force</Th>
          {FIGURES.map((f) => (
            <Th key={f.key}>{f.title} (this month)</Th>
          ))}
        </>
      }
    >
      {rows.map((row) => (
        <tr key={row.key}>
          <Td>
            <Link href={`/definitions/${row.key}`} className="font-medium text-brand-700 underline">
              {row.name}
            </Link>
            <span className="block text-xs text-slate-500">
              {row.key} · per {row.unitLabel}
            </span>
          </Td>
          <Td>
            {row.current ? (
              <>
                Version {row.current.number}
                <span className="block text-xs text-slate-500">since {formatDateTime(row.current.effectiveFrom)}</span>
              </>
            ) : (
              "None published"
            )}
            {row.hasDraft && <span className="block text-xs text-amber-800">A draft is open</span>}
          </Td>
          {FIGURES.map((f) => {
            const points = row.months.map((m) => ({ periodStart: m.periodStart, value: m[f.key] }));
            return (
              <Td key={f.key} className="tabular-nums">
                <span className="font-semibold text-slate-900">{f.format(points.at(-1)?.value ?? null)}</span>
                {points.length > 0 && <TrendBars label={f.title} points={points} format={f.format} />}
              </Td>
            );
          })}
        </tr>
      ))}
    </Table>
  );
}
