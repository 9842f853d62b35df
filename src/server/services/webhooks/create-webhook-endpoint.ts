// Adds a URL that receives signed events. Its signing secret follows the Standard Webhooks
// format (whsec_ + base64 of 32 random bytes) and is stored, because the sender needs it to sign.
// The URL must lead to a public address (domain/webhooks/webhook-address.ts).
import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { refusedWebhookHost } from "@/domain/webhooks/webhook-address";
import { WEBHOOK_EVENT_TYPES } from "@/domain/webhooks/webhook-events";
import { transaction } from "@/server/db";
import { text, webUrl } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { allowedPrivateHosts } from "./internal/allowed-private-hosts";
import { webhookEndpointFields } from "./webhook-endpoint-fields";

export const CreateWebhookEndpointInput = z.strictObject({
  url: text("Give the URL that receives the events.")
    .trim()
    .max(2_000, "Keep the URL under 2,000 characters.")
    .pipe(webUrl("Give an http:// or https:// URL."))
    // A literal private address is refused at once; a host name is checked at every delivery,
    // after resolving it (see post-webhook.ts).
    .superRefine((url, ctx) => {
      const refusal = refusedWebhookHost(new URL(url).hostname, allowedPrivateHosts());
      if (refusal) ctx.addIssue({ code: "custom", message: refusal });
    }),
  description: text().trim().max(200, "Keep the description under 200 characters.").default(""),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES, "Unknown event type."))
    .min(1, "Choose at least one event.")
    .transform((events) => [...new Set(events)]),
});
export type CreateWebhookEndpointInput = z.input<typeof CreateWebhookEndpointInput>;

export async function createWebhookEndpoint({ actor, input }: { actor: Actor; input: CreateWebhookEndpointInput }) {
  const { url, description, events } = CreateWebhookEndpointInput.parse(input);
  return transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: { url, description, events, secret: `whsec_${randomBytes(32).toString("base64")}` },
      select: webhookEndpointFields,
    });
    await appendAuditEntry(tx, {
      actor,
      action: "webhook_endpoint.created",
      subjectType: "webhook_endpoint",
      subjectId: endpoint.id,
      customerId: null,
      after: { url, description, events },
    });
    return endpoint;
  });
}
