// The events the provider's systems can subscribe to; the Settings form and the validation
// read this one list.
export const WEBHOOK_EVENT_TYPES = [
  "dispute.opened",
  "dispute.resolved",
  "invoice.finalized",
  "credit_note.issued",
  "spend_alert.crossed",
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const WEBHOOK_EVENT_LABELS: Record<WebhookEventType, string> = {
  "dispute.opened": "A customer opens a dispute",
  "dispute.resolved": "A dispute is resolved (every outcome decided)",
  "spend_alert.crossed": "A customer's spend alert is crossed",
  "invoice.finalized": "An invoice is finalized",
  "credit_note.issued": "A credit note is issued",
};
