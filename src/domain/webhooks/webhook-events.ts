// The events the provider's systems can subscribe to. Disputes will add dispute.opened and
// dispute.resolved here; the Settings form and the validation read this one list.
export const WEBHOOK_EVENT_TYPES = ["spend_alert.crossed", "invoice.finalized", "credit_note.issued"] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "spend_alert.crossed": "A customer's spend alert is crossed",
  "invoice.finalized": "An invoice is finalized",
  "credit_note.issued": "A credit note is issued",
};
