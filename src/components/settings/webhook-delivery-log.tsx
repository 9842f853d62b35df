import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";

export interface WebhookDeliveryRow {
  id: string;
  eventType: string;
  createdAt: Date;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  nextAttemptAt: Date;
  lastStatusCode: number | null;
  lastError: string | null;
  endpoint: { url: string };
}

const STATUS_CLASS: Record<WebhookDeliveryRow["status"], string> = {
  pending: "bg-amber-100 text-amber-900",
  delivered: "bg-emerald-100 text-emerald-800",
  failed: "bg-red-100 text-red-800",
};

/** The latest 50 deliveries: what was sent where, and what the receiver answered. */
export function WebhookDeliveryLog({ deliveries }: { deliveries: WebhookDeliveryRow[] }) {
  if (deliveries.length === 0) return <p className="text-sm text-slate-600">No deliveries yet.</p>;
  return (
    <Table
      caption="Latest 50 webhook deliveries, newest first"
      head={
        <>
          <Th>Time</Th>
          <Th>Event</Th>
          <Th>Endpoint</Th>
          <Th>Status</Th>
          <Th>Attempts</Th>
          <Th>Last answer</Th>
        </>
      }
    >
      {deliveries.map((delivery) => (
        <tr key={delivery.id}>
          <Td className="whitespace-nowrap">{formatDateTime(delivery.createdAt)}</Td>
          <Td className="font-mono text-xs">{delivery.eventType}</Td>
          <Td className="break-all font-mono text-xs">{delivery.endpoint.url}</Td>
          <Td>
            <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${STATUS_CLASS[delivery.status]}`}>
              {delivery.status}
            </span>
            {delivery.status === "pending" && delivery.attempts > 0 && (
              <span className="mt-1 block text-xs text-slate-500">
                next try {formatDateTime(delivery.nextAttemptAt)}
              </span>
            )}
          </Td>
          <Td>{delivery.attempts}</Td>
          <Td className="text-xs">
            {delivery.lastStatusCode !== null && <span className="font-mono">{delivery.lastStatusCode}</span>}
            {delivery.lastError && delivery.lastError !== `HTTP ${delivery.lastStatusCode}` && (
              <span className="block text-red-700">{delivery.lastError}</span>
            )}
            {delivery.lastStatusCode === null && !delivery.lastError && "—"}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
