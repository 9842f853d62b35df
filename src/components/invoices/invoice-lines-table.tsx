import { Link } from "@/components/ui/link";
import { Table, Td, Th } from "@/components/ui/table";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney } from "@/domain/money";
import { formatQuantity, formatUnitPrice } from "@/lib/format";

export interface InvoiceLineView {
  position: number;
  kind: string;
  description: string;
  /** Null for an adjustment line (cap, minimum, credits, late items): an amount, not a price. */
  quantity: string | null;
  unitPrice: string | null;
  amountMinor: bigint;
  sourcePeriodStart: Date | null;
}

/** Lines that count attempts or outcomes drill down to them; fees and adjustments stand alone. */
export const LINE_KINDS_WITH_OUTCOMES: ReadonlySet<string> = new Set([
  "attempts",
  "outcomes",
  "late_items",
  "dispute_credit",
]);

const number = "text-right tabular-nums whitespace-nowrap";

export function InvoiceLinesTable({
  invoiceId,
  lines,
  currency,
  title,
}: {
  invoiceId: string;
  lines: InvoiceLineView[];
  currency: string;
  title: string;
}) {
  return (
    <Table
      caption={`Lines of ${title}`}
      head={
        <>
          <Th>Line</Th>
          <Th className="text-right">Quantity</Th>
          <Th className="text-right">Unit price</Th>
          <Th className="text-right">Amount</Th>
        </>
      }
    >
      {lines.map((line) => (
        <tr key={line.position}>
          <Td>
            {LINE_KINDS_WITH_OUTCOMES.has(line.kind) ? (
              <Link
                href={`/invoices/${invoiceId}/lines/${line.position}`}
                className="font-medium text-brand-700 hover:underline"
              >
                {line.description}
              </Link>
            ) : (
              <span className="font-medium text-slate-900">{line.description}</span>
            )}
            {line.sourcePeriodStart && (
              <span className="block text-xs text-slate-500">
                Late item from {periodLabel(line.sourcePeriodStart)}, at that period&apos;s prices
              </span>
            )}
          </Td>
          <Td className={number}>{line.quantity === null ? "—" : formatQuantity(line.quantity)}</Td>
          <Td className={number}>{line.unitPrice === null ? "—" : formatUnitPrice(line.unitPrice, currency)}</Td>
          <Td className={`${number} font-medium text-slate-900`}>{formatMoney(line.amountMinor, currency)}</Td>
        </tr>
      ))}
    </Table>
  );
}
