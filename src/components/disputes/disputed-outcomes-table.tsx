import { Link } from "@/components/ui/link";
import { Table, Td, Th } from "@/components/ui/table";
import type { DisputedOutcomeState } from "@/domain/disputes/dispute-terms";
import { formatMoney } from "@/domain/money";
import { formatShare, OutcomeStateBadge } from "./dispute-badges";

export interface DisputedOutcomeView {
  id: string;
  attemptId: string;
  subject: string;
  definitionName: string;
  version: number;
  state: DisputedOutcomeState;
  disputedShare: string;
  atStakeMinor: bigint;
  creditMinor: bigint;
  invoiceId: string;
  invoiceNumber: string | null;
  creditNoteNumber: string | null;
}

const money = "text-right tabular-nums whitespace-nowrap";

/** A dispute's outcomes: what each puts at stake, how it was decided, and where its credit landed. */
export function DisputedOutcomesTable({
  outcomes,
  currency,
  caption,
}: {
  outcomes: DisputedOutcomeView[];
  currency: string;
  caption: string;
}) {
  return (
    <Table
      caption={caption}
      head={
        <>
          <Th>Outcome</Th>
          <Th>Definition</Th>
          <Th>State</Th>
          <Th className="text-right">Disputed share</Th>
          <Th className="text-right">At stake</Th>
          <Th className="text-right">Credit</Th>
          <Th>Invoice</Th>
        </>
      }
    >
      {outcomes.map((o) => (
        <tr key={o.id}>
          <Td className="max-w-[16rem] break-all font-mono text-xs">
            <Link href={`/outcomes/${o.attemptId}`} className="text-brand-700 hover:underline">
              {o.subject}
            </Link>
          </Td>
          <Td>
            {o.definitionName} <span className="text-slate-500">v{o.version}</span>
          </Td>
          <Td>
            <OutcomeStateBadge state={o.state} />
          </Td>
          <Td className="text-right tabular-nums">{formatShare(o.disputedShare)}</Td>
          <Td className={money}>{formatMoney(o.atStakeMinor, currency)}</Td>
          <Td className={money}>{o.creditMinor > 0n ? `−${formatMoney(o.creditMinor, currency)}` : "—"}</Td>
          <Td className="whitespace-nowrap text-xs">
            <Link href={`/invoices/${o.invoiceId}`} className="font-mono text-brand-700 hover:underline">
              {o.invoiceNumber ?? "Draft"}
            </Link>
            {o.creditNoteNumber && <span className="block font-mono text-slate-600">{o.creditNoteNumber}</span>}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
