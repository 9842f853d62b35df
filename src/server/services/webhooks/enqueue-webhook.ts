// Announces a change to the provider's systems: one outbox row per enabled endpoint that
// subscribes to the event, written in the caller's transaction, so the webhook goes out
// exactly when the change commits (the delivery job sends it after the commit).
import type { WebhookEventType } from "@/domain/webhooks/webhook-events";
import type { Prisma } from "@/generated/prisma/client";
import { clock } from "@/server/clock";
import type { Tx } from "@/server/db";

export async function enqueueWebhook(
  tx: Tx,
  { type, payload }: { type: WebhookEventType; payload: Prisma.InputJsonObject },
): Promise<number> {
  const endpoints = await tx.webhookEndpoint.findMany({
    where: { disabledAt: null, events: { has: type } },
    select: { id: true },
  });
  if (endpoints.length === 0) return 0;
  // Due at once by the clock the delivery job reads (not the database's now()).
  const at = clock.now();
  const { count } = await tx.webhookDelivery.createMany({
    data: endpoints.map((endpoint) => ({
      endpointId: endpoint.id,
      eventType: type,
      payload,
      createdAt: at,
      nextAttemptAt: at,
    })),
  });
  return count;
}

/** An absolute link into the app for a payload; NEXTAUTH_URL is the app's public address. */
export function appLink(path: string): string {
  return `${(process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "")}${path}`;
}
