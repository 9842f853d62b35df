import { Link } from "@/components/ui/link";
import { formatMoney } from "@/domain/money";
import { formatDateTimeIn } from "@/lib/format";

export interface CreditNoteView {
  id: string;
  number: string;
  issuedAt: Date;
  reason: string;
  amountMinor: bigint;
  /** Set when the credit note settles a dispute decision. */
  disputeDecision?: { dispute: { id: string; number: string } } | null;
}

export function CreditNoteList({
  creditNotes,
  disputeCreditsMinor,
  currency,
  timeZone,
}: {
  creditNotes: CreditNoteView[];
  /** The invoice's own "Dispute credits" line, so an empty list does not read as "nothing credited". */
  disputeCreditsMinor: bigint;
  currency: string;
  /** The customer's zone, in which issue times are shown. */
  timeZone: string;
}) {
  if (creditNotes.length === 0) {
    return (
      <p className="text-sm text-slate-600">
        {disputeCreditsMinor > 0n
          ? `No credit notes. Dispute credits of ${formatMoney(disputeCreditsMinor, currency)} are on the invoice itself, as its “Dispute credits” line.`
          : "No credit notes: nothing on this invoice has been credited."}
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {creditNotes.map((c) => (
        <li key={c.number} className="flex flex-col gap-1 py-3 first:pt-0 last:pb-0 sm:flex-row sm:justify-between">
          <div>
            <p className="font-mono text-xs font-semibold">
              <Link href={`/credit-notes/${c.id}`} className="text-brand-700 underline">
                {c.number}
              </Link>
            </p>
            <p className="text-slate-700">{c.reason}</p>
            {c.disputeDecision && (
              <p className="text-xs">
                <Link href={`/disputes/${c.disputeDecision.dispute.id}`} className="text-brand-700 underline">
                  Dispute {c.disputeDecision.dispute.number}
                </Link>
              </p>
            )}
            <p className="text-xs text-slate-500">Issued {formatDateTimeIn(c.issuedAt, timeZone)}</p>
          </div>
          <p className="whitespace-nowrap font-medium tabular-nums text-slate-900">
            −{formatMoney(c.amountMinor, currency)}
          </p>
        </li>
      ))}
    </ul>
  );
}
