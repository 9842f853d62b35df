"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/domain/webhooks/webhook-events";
import { errorMessage, useTRPC } from "@/lib/trpc";

const INPUT_CLASS =
  "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-1 focus:ring-brand-600";

export function CreateWebhookEndpointForm({ onCreated }: { onCreated: (url: string) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [description, setDescription] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([...WEBHOOK_EVENT_TYPES]);
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: (endpoint) => {
        setUrl("");
        setDescription("");
        onCreated(endpoint.url);
        router.refresh();
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ url, description, events });
  }

  function toggle(type: WebhookEventType, checked: boolean) {
    setEvents((current) => (checked ? [...current, type] : current.filter((t) => t !== type)));
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Add a webhook endpoint">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="webhook-url" className="block text-sm font-medium text-slate-700">
            URL
          </label>
          <input
            id="webhook-url"
            name="url"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            maxLength={2000}
            autoComplete="off"
            placeholder="https://billing.example.com/webhooks/outcome-ledger"
            aria-invalid={create.isError}
            aria-describedby={create.isError ? "webhook-error" : undefined}
            className={INPUT_CLASS}
          />
        </div>
        <div>
          <label htmlFor="webhook-description" className="block text-sm font-medium text-slate-700">
            Description
          </label>
          <input
            id="webhook-description"
            name="description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={200}
            autoComplete="off"
            placeholder="e.g. Billing system, production"
            className={INPUT_CLASS}
          />
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">Events</legend>
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                name="events"
                value={type}
                checked={events.includes(type)}
                onChange={(e) => toggle(type, e.target.checked)}
                className="rounded border-slate-300"
              />
              <span>
                {WEBHOOK_EVENT_LABELS[type]} <code className="font-mono text-xs text-slate-500">{type}</code>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {create.isError && (
        <p id="webhook-error" role="alert" className="text-sm text-red-700">
          {errorMessage(create.error)}
        </p>
      )}
      <button
        type="submit"
        disabled={create.isPending}
        className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {create.isPending ? "Adding…" : "Add endpoint"}
      </button>
    </form>
  );
}
