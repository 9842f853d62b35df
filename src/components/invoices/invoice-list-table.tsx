import { Link } from "@/components/ui/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { PaymentStatus } from "@/domain/invoicing/payment-terms";
import { periodLabel } from "@/domain/invoicing/periods";
import { formatMoney } from "@/domain/money-format";
import { formatDayIn } from "@/lib/format";
import { InvoiceStatusBadge } from "./invoice-status-badge";
import { PaymentStatusBadge } from "./payment-status-badge";

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
  /** The invoice's own due date and payment status (null for a draft: not a request for payment). */
  payment: { status: PaymentStatus | null; finalizesAt: Date; dueAt: Date | null; outstandingMinor: bigint };
}

const money = "text-right tabular-nums whitespace-nowrap";

/**
 * One row per billing period, newest first; the period opens the invoice. Dates are days in the
 * customer's zone, as on the invoice.
 */
export function InvoiceListTable({
  invoices,
  customerName,
  timeZone,
}: {
  invoices: InvoiceSummaryView[];
  customerName: string;
  timeZone: string;
}) {
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
          <Th>Due</Th>
          <Th>Payment</Th>
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
          <Td className="whitespace-nowrap font-mono text-xs">{i.number ?? "—"}</Td>
          <Td>
            <InvoiceStatusBadge status={i.status} />
          </Td>
          <Td className={money}>{formatMoney(i.chargesMinor, i.currency)}</Td>
          <Td className={money}>{i.creditedMinor > 0n ? `−${formatMoney(i.creditedMinor, i.currency)}` : "—"}</Td>
          <Td className={`${money} font-semibold text-slate-900`}>{formatMoney(i.netDueMinor, i.currency)}</Td>
          <Td className="whitespace-nowrap">
            {i.payment.dueAt ? (
              formatDayIn(i.payment.dueAt, timeZone)
            ) : (
              <span className="text-slate-500">Finalizes {formatDayIn(i.payment.finalizesAt, timeZone)}</span>
            )}
          </Td>
          <Td className="whitespace-nowrap">
            {i.payment.status ? (
              <>
                <PaymentStatusBadge status={i.payment.status} />
                {(i.payment.status === "open" || i.payment.status === "overdue") &&
                  i.payment.outstandingMinor !== i.netDueMinor && (
                    <span className="block text-xs text-slate-500">
                      {formatMoney(i.payment.outstandingMinor, i.currency)} outstanding
                    </span>
                  )}
              </>
            ) : (
              "—"
            )}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
