import { Link } from "@/components/ui/link";
import { Table, Td, Th } from "@/components/ui/table";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney } from "@/domain/money";
import { InvoiceStatusBadge } from "./invoice-status-badge";

export interface InvoiceSummaryView {
  id: string;
  periodStart: Date;
  status: "draft" | "finalized";
  number: string | null;
  currency: string;
  /** Charges before credits; credits of both kinds (dispute credits and credit notes). */
  chargesMinor: bigint;
  creditedMinor: bigint;
  netDueMinor: bigint;
}

const money = "text-right tabular-nums whitespace-nowrap";

/** One row per billing period, newest first; the period opens the invoice. */
export function InvoiceListTable({ invoices, customerName }: { invoices: InvoiceSummaryView[]; customerName: string }) {
  return (
    <Table
      caption={`Invoices of ${customerName}, newest period first`}
      head={
        <>
          <Th>Period</Th>
          <Th>Number</Th>
          <Th>Status</Th>
          <Th className="text-right">Charges</Th>
          <Th className="text-right">Credits</Th>
          <Th className="text-right">Net due</Th>
        </>
      }
    >
      {invoices.map((i) => (
        <tr key={i.id}>
          <Td className="whitespace-nowrap font-medium">
            <Link href={`/invoices/${i.id}`} className="text-brand-700 hover:underline">
              {periodLabel(i.periodStart)}
            </Link>
          </Td>
          <Td className="whitespace-nowrap font-mono text-xs">{i.number ?? "Draft"}</Td>
          <Td>
            <InvoiceStatusBadge status={i.status} />
          </Td>
          <Td className={money}>{formatMoney(i.chargesMinor, i.currency)}</Td>
          <Td className={money}>{i.creditedMinor > 0n ? `−${formatMoney(i.creditedMinor, i.currency)}` : "—"}</Td>
          <Td className={`${money} font-semibold text-slate-900`}>{formatMoney(i.netDueMinor, i.currency)}</Td>
        </tr>
      ))}
    </Table>
  );
}
