import { formatDateTimeIn } from "@/lib/format";

const ACTIONS: Record<string, string> = {
  "dispute.opened": "Opened the dispute",
  "dispute.message_posted": "Wrote in the thread",
  "dispute.assigned": "Changed the reviewer assigned",
  "dispute.decided": "Decided outcomes",
  "dispute.withdrawn": "Withdrew the dispute",
};

export interface DisputeAuditView {
  seq: bigint;
  occurredAt: Date;
  actorLabel: string;
  action: string;
}

/**
 * The dispute's entries in the tamper-evident audit log, oldest first (a list: it sits in a narrow
 * column). Provider staff also see each entry's position in the log, to find it there.
 */
export function DisputeAuditTrail({
  entries,
  entryNumbers = false,
  timeZone,
}: {
  entries: DisputeAuditView[];
  entryNumbers?: boolean;
  /** The customer's IANA zone: instants are shown in it, named. */
  timeZone: string;
}) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">Nothing recorded yet.</p>;
  return (
    <ol className="divide-y divide-slate-100 text-sm">
      {entries.map((e) => (
        <li key={e.seq.toString()} className="py-2 first:pt-0 last:pb-0">
          <p className="font-medium text-slate-900">{ACTIONS[e.action] ?? e.action}</p>
          <p className="break-words text-xs text-slate-600">
            {e.actorLabel} · {formatDateTimeIn(e.occurredAt, timeZone)}
            {entryNumbers && ` · entry #${e.seq.toString()}`}
          </p>
        </li>
      ))}
    </ol>
  );
}
