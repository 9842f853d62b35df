"use client";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { DisableWebhookEndpointButton } from "./disable-webhook-endpoint-button";
import { WebhookSecret } from "./webhook-secret";

export interface WebhookEndpointRow {
  id: string;
  url: string;
  description: string;
  events: string[];
  secret: string;
  createdAt: Date;
  disabledAt: Date | null;
}

export function WebhookEndpointTable({
  endpoints,
  onDisabled,
}: {
  endpoints: WebhookEndpointRow[];
  onDisabled: (endpoint: WebhookEndpointRow) => void;
}) {
  return (
    <Table
      caption="Webhook endpoints, enabled first"
      head={
        <>
          <Th>URL</Th>
          <Th>Events</Th>
          <Th>Signing secret</Th>
          <Th>Status</Th>
          <Th>
            <span className="sr-only">Actions</span>
          </Th>
        </>
      }
    >
      {endpoints.map((endpoint) => (
        <tr key={endpoint.id}>
          <Td>
            <span className="block break-all font-mono text-xs text-slate-900">{endpoint.url}</span>
            {endpoint.description && <span className="text-xs text-slate-500">{endpoint.description}</span>}
          </Td>
          <Td>
            <ul className="font-mono text-xs">
              {endpoint.events.map((type) => (
                <li key={type}>{type}</li>
              ))}
            </ul>
          </Td>
          <Td>{!endpoint.disabledAt && <WebhookSecret secret={endpoint.secret} url={endpoint.url} />}</Td>
          <Td>
            {endpoint.disabledAt ? (
              <span className="inline-flex flex-col">
                <span className="w-fit rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">
                  Disabled
                </span>
                <span className="mt-1 text-xs text-slate-500">{formatDateTime(endpoint.disabledAt)}</span>
              </span>
            ) : (
              <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-semibold text-emerald-800">
                Enabled
              </span>
            )}
          </Td>
          <Td className="text-right">
            {!endpoint.disabledAt && <DisableWebhookEndpointButton endpoint={endpoint} onDisabled={onDisabled} />}
          </Td>
        </tr>
      ))}
    </Table>
  );
}
