// The delivery log in Settings: the latest 50 deliveries, of one endpoint or of all.
import { z } from "zod";
import { db } from "@/server/db";

export const ListWebhookDeliveriesInput = z.strictObject({ endpointId: z.uuid().optional() }).default({});
export type ListWebhookDeliveriesInput = z.input<typeof ListWebhookDeliveriesInput>;

export function listWebhookDeliveries({ input }: { input?: ListWebhookDeliveriesInput } = {}) {
  const { endpointId } = ListWebhookDeliveriesInput.parse(input);
  return db().webhookDelivery.findMany({
    where: endpointId ? { endpointId } : {},
    select: {
      id: true,
      eventType: true,
      createdAt: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      lastAttemptAt: true,
      lastStatusCode: true,
      lastError: true,
      endpoint: { select: { id: true, url: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 50,
  });
}
