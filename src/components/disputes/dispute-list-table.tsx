import { Link } from "@/components/ui/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { DisputeStatus } from "@/domain/disputes/dispute-terms";
import { DISPUTE_REASON_LABELS, type DisputeReason } from "@/domain/disputes/dispute-terms";
import type { ServiceLevelState } from "@/domain/disputes/service-level";
import { formatMoney } from "@/domain/money";
import { formatDateTimeIn, formatDayIn } from "@/lib/format";
import { DisputeStatusBadge } from "./dispute-badges";
import { ServiceLevel } from "./service-level";

export interface DisputeSummaryView {
  id: string;
  number: string;
  status: DisputeStatus;
  reason: DisputeReason;
  openedAt: Date;
  openedBy: string;
  outcomeCount: number;
  undecidedCount: number;
  atStakeMinor: bigint;
  creditedMinor: bigint;
  currency: string;
  lastActivityAt: Date;
  serviceLevel: ServiceLevelState | null;
}

const money = "text-right tabular-nums whitespace-nowrap";

/** A customer's disputes, newest first; the number opens the dispute. Times in the customer's zone. */
export function DisputeListTable({
  disputes,
  caption,
  timeZone,
}: {
  disputes: DisputeSummaryView[];
  caption: string;
  timeZone: string;
}) {
  return (
    <Table
      caption={caption}
      head={
        <>
          <Th>Dispute</Th>
          <Th>Status</Th>
          <Th>Reason</Th>
          <Th>Opened</Th>
          <Th className="text-right">Outcomes</Th>
          <Th className="text-right">At stake</Th>
          <Th className="text-right">Credited</Th>
          <Th>Last activity</Th>
        </>
      }
    >
      {disputes.map((d) => (
        <tr key={d.id}>
          <Td className="whitespace-nowrap font-mono text-xs font-semibold">
            <Link href={`/disputes/${d.id}`} className="text-brand-700 hover:underline">
              {d.number}
            </Link>
          </Td>
          <Td>
            <DisputeStatusBadge status={d.status} />
            {/* While open, the decision it awaits is due against the provider's service level. */}
            {d.serviceLevel && (
              <span className="mt-1 block whitespace-nowrap text-xs">
                <span className="sr-only">Decision: </span>
                <ServiceLevel state={d.serviceLevel} />
              </span>
            )}
          </Td>
          <Td>{DISPUTE_REASON_LABELS[d.reason]}</Td>
          <Td>
            <span className="whitespace-nowrap">{formatDayIn(d.openedAt, timeZone)}</span>
            {/* Who opened it may be a long "Name <e-mail>": it wraps rather than widen the table. */}
            <span className="block break-words text-xs text-slate-500">by {d.openedBy}</span>
          </Td>
          <Td className="whitespace-nowrap text-right tabular-nums">
            {d.status === "open"
              ? `${(d.outcomeCount - d.undecidedCount).toLocaleString("en-US")} of ${d.outcomeCount.toLocaleString("en-US")} decided`
              : d.outcomeCount.toLocaleString("en-US")}
          </Td>
          <Td className={money}>{formatMoney(d.atStakeMinor, d.currency)}</Td>
          <Td className={money}>{d.creditedMinor > 0n ? `−${formatMoney(d.creditedMinor, d.currency)}` : "—"}</Td>
          <Td className="text-xs">{formatDateTimeIn(d.lastActivityAt, timeZone)}</Td>
        </tr>
      ))}
    </Table>
  );
}
