// Stops sending to an endpoint at once: it gets no new deliveries and its pending ones are
// given up. Disabling an endpoint that is already disabled changes nothing and says so.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { webhookEndpointFields } from "./webhook-endpoint-fields";

export const DisableWebhookEndpointInput = z.strictObject({ id: z.uuid() });
export type DisableWebhookEndpointInput = z.input<typeof DisableWebhookEndpointInput>;

export async function disableWebhookEndpoint({
  actor,
  input,
  now = clock.now(),
}: {
  actor: Actor;
  input: DisableWebhookEndpointInput;
  now?: Date;
}) {
  const { id } = DisableWebhookEndpointInput.parse(input);
  return transaction(async (tx) => {
    // The condition on disabledAt makes two concurrent requests record one change.
    const { count } = await tx.webhookEndpoint.updateMany({
      where: { id, disabledAt: null },
      data: { disabledAt: now },
    });
    const endpoint = await tx.webhookEndpoint.findUnique({ where: { id }, select: webhookEndpointFields });
    if (!endpoint) throw AppError.notFound("The webhook endpoint");
    if (count === 0) return { endpoint, alreadyDisabled: true };
    await tx.webhookDelivery.updateMany({
      where: { endpointId: id, status: "pending" },
      data: { status: "failed", lastError: "The endpoint was disabled." },
    });
    await appendAuditEntry(tx, {
      actor,
      action: "webhook_endpoint.disabled",
      subjectType: "webhook_endpoint",
      subjectId: id,
      customerId: null,
      before: { url: endpoint.url, disabledAt: null },
      after: { url: endpoint.url, disabledAt: endpoint.disabledAt },
    });
    return { endpoint, alreadyDisabled: false };
  });
}
