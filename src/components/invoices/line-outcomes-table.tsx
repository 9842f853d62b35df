import { OutcomeStatusBadge } from "@/components/outcomes/outcome-status-badge";
import { Link } from "@/components/ui/link";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTimeIn } from "@/lib/format";

type Status = "pending" | "billable" | "not_billable";

export interface LineOutcomeView {
  id: string;
  subject: string;
  definition: string;
  version: number;
  occurredAt: Date;
  status: Status;
  billedAs: Status | null;
}

const BILLED_WORDS: Record<Status, string> = {
  billable: "billable",
  not_billable: "not billable",
  pending: "pending",
};

/** The attempts behind one invoice line, oldest first, as they were billed on it. */
export function LineOutcomesTable({
  outcomes,
  caption,
  outcomeHref,
  timeZone,
}: {
  outcomes: LineOutcomeView[];
  caption: string;
  /** Where a subject links to, when the portal has a page for one outcome. */
  outcomeHref: ((id: string) => string) | null;
  /** The customer's IANA zone: an invoice's outcomes are one customer's. */
  timeZone: string;
}) {
  return (
    <Table
      caption={caption}
      head={
        <>
          <Th>Occurred</Th>
          <Th>Subject</Th>
          <Th>Definition</Th>
          <Th>Status</Th>
        </>
      }
    >
      {outcomes.map((o) => (
        <tr key={o.id}>
          <Td className="whitespace-nowrap">{formatDateTimeIn(o.occurredAt, timeZone)}</Td>
          <Td className="font-mono text-xs">
            {outcomeHref ? (
              <Link href={outcomeHref(o.id)} className="text-brand-700 hover:underline">
                {o.subject}
              </Link>
            ) : (
              o.subject
            )}
          </Td>
          <Td className="whitespace-nowrap">
            {o.definition} <span className="text-slate-500">v{o.version}</span>
          </Td>
          <Td>
            <OutcomeStatusBadge status={o.status} />
            {o.billedAs && o.billedAs !== o.status && (
              <span className="mt-1 block text-xs text-slate-500">Billed as {BILLED_WORDS[o.billedAs]}</span>
            )}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
