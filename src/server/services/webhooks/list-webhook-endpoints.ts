import { db } from "@/server/db";
import { webhookEndpointFields } from "./webhook-endpoint-fields";

/** Every endpoint, enabled ones first, newest first. */
export function listWebhookEndpoints() {
  return db().webhookEndpoint.findMany({
    select: webhookEndpointFields,
    orderBy: [{ disabledAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
}
