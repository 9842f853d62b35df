// Every recorded change to the dispute, in the order the audit log holds them.
import { formatDateTime } from "@/lib/format";

const ACTION_LABELS: Record<string, string> = {
  "dispute.opened": "Opened the dispute",
  "dispute.assigned": "Changed the assignee",
  "dispute.message_posted": "Wrote in the thread",
  "dispute.decided": "Decided outcomes",
  "dispute.withdrawn": "Withdrew the dispute",
};

export function DisputeAuditTrail({
  entries,
}: {
  entries: { seq: bigint; occurredAt: Date; actorLabel: string; action: string }[];
}) {
  if (entries.length === 0) return <p className="text-sm text-slate-600">Nothing recorded yet.</p>;
  return (
    <ol className="space-y-2 text-sm">
      {entries.map((e) => (
        <li key={e.seq.toString()}>
          <span className="font-medium text-slate-900">{ACTION_LABELS[e.action] ?? e.action}</span>{" "}
          <span className="text-slate-600">
            by {e.actorLabel}, {formatDateTime(e.occurredAt)} · entry #{e.seq.toString()}
          </span>
        </li>
      ))}
    </ol>
  );
}
