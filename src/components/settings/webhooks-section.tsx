"use client";
import { useState } from "react";
import { Card } from "@/components/ui/card";
import { CreateWebhookEndpointForm } from "./create-webhook-endpoint-form";
import { WebhookDeliveryLog, type WebhookDeliveryRow } from "./webhook-delivery-log";
import { type WebhookEndpointRow, WebhookEndpointTable } from "./webhook-endpoint-table";

/** Settings › Webhooks: add an endpoint, see its signing secret, disable it, read the delivery log. */
export function WebhooksSection({
  endpoints,
  deliveries,
}: {
  endpoints: WebhookEndpointRow[];
  deliveries: WebhookDeliveryRow[];
}) {
  const [notice, setNotice] = useState("");
  return (
    <Card title={`Webhooks (${endpoints.filter((e) => !e.disabledAt).length} enabled)`}>
      <div className="space-y-5">
        <p className="max-w-3xl text-sm text-slate-600">
          Your systems receive a signed POST when an event happens. Requests follow the Standard Webhooks specification:
          verify the <code className="rounded bg-slate-100 px-1 font-mono text-xs">webhook-signature</code> header with
          the endpoint's signing secret. A failed delivery is retried after 1 min, 5 min, 30 min, 2 h and 6 h.
        </p>
        <CreateWebhookEndpointForm onCreated={(url) => setNotice(`Events are now sent to ${url}.`)} />
        <output aria-live="polite" className="block text-sm text-slate-700">
          {notice}
        </output>
        {endpoints.length === 0 ? (
          <p className="text-sm text-slate-600">No webhook endpoints yet.</p>
        ) : (
          <WebhookEndpointTable
            endpoints={endpoints}
            onDisabled={(endpoint) => setNotice(`${endpoint.url} is disabled: it receives no more events.`)}
          />
        )}
        <section aria-labelledby="webhook-deliveries-heading" className="space-y-2">
          <h3 id="webhook-deliveries-heading" className="text-sm font-semibold text-slate-900">
            Delivery log
          </h3>
          <WebhookDeliveryLog deliveries={deliveries} />
        </section>
      </div>
    </Card>
  );
}
