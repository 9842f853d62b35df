import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

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

/** The dispute's entries in the tamper-evident audit log. */
export function DisputeAuditTrail({ entries, number }: { entries: DisputeAuditView[]; number: string }) {
  return (
    <Table
      caption={`Audit trail of ${number}, oldest first`}
      head={
        <>
          <Th>Time</Th>
          <Th>Who</Th>
          <Th>What</Th>
        </>
      }
    >
      {entries.map((e) => (
        <tr key={e.seq.toString()}>
          <Td className="whitespace-nowrap text-xs">{formatDateTime(e.occurredAt)}</Td>
          <Td>{e.actorLabel}</Td>
          <Td>{ACTIONS[e.action] ?? e.action}</Td>
        </tr>
      ))}
    </Table>
  );
}
