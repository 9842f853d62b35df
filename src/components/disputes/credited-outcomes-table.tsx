import { Link } from "@/components/ui/link";
import { Table, Td, Th } from "@/components/ui/table";
import { ADJUDICATION_LABELS, type AdjudicationKind } from "@/domain/disputes/dispute-terms";
import { formatMoney } from "@/domain/money";
import { formatDateTimeIn } from "@/lib/format";
import { formatShare } from "./dispute-badges";

export interface CreditedOutcomeView {
  attemptId: string;
  subject: string;
  creditShare: string;
  creditMinor: bigint;
  dispute: { id: string; number: string };
  decision: { kind: AdjudicationKind; decidedAt: Date } | null;
}

/** The outcomes a "Dispute credits" line takes off the invoice, each with the dispute that decided it. */
export function CreditedOutcomesTable({
  outcomes,
  currency,
  caption,
  timeZone,
}: {
  outcomes: CreditedOutcomeView[];
  currency: string;
  caption: string;
  /** The customer's IANA zone, for when each decision was made. */
  timeZone: string;
}) {
  return (
    <Table
      caption={caption}
      head={
        <>
          <Th>Outcome</Th>
          <Th>Dispute</Th>
          <Th>Decision</Th>
          <Th className="text-right">Share credited</Th>
          <Th className="text-right">Credit</Th>
        </>
      }
    >
      {outcomes.map((o) => (
        <tr key={`${o.dispute.id}-${o.attemptId}`}>
          <Td className="max-w-[16rem] break-all font-mono text-xs">
            <Link href={`/outcomes/${o.attemptId}`} className="text-brand-700 hover:underline">
              {o.subject}
            </Link>
          </Td>
          <Td>
            <Link href={`/disputes/${o.dispute.id}`} className="font-mono text-xs text-brand-700 hover:underline">
              {o.dispute.number}
            </Link>
          </Td>
          <Td>
            {o.decision ? (
              <>
                {ADJUDICATION_LABELS[o.decision.kind]}
                <span className="block text-xs text-slate-500">{formatDateTimeIn(o.decision.decidedAt, timeZone)}</span>
              </>
            ) : (
              "—"
            )}
          </Td>
          <Td className="text-right tabular-nums">{formatShare(o.creditShare)}</Td>
          <Td className="whitespace-nowrap text-right tabular-nums">−{formatMoney(o.creditMinor, currency)}</Td>
        </tr>
      ))}
    </Table>
  );
}
