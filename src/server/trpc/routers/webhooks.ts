import { CreateWebhookEndpointInput, createWebhookEndpoint } from "@/server/services/webhooks/create-webhook-endpoint";
import {
  DisableWebhookEndpointInput,
  disableWebhookEndpoint,
} from "@/server/services/webhooks/disable-webhook-endpoint";
import { ListWebhookDeliveriesInput, listWebhookDeliveries } from "@/server/services/webhooks/list-webhook-deliveries";
import { listWebhookEndpoints } from "@/server/services/webhooks/list-webhook-endpoints";
import { adminProcedure, router } from "../init";

export const webhooksRouter = router({
  list: adminProcedure.query(() => listWebhookEndpoints()),
  create: adminProcedure
    .input(CreateWebhookEndpointInput)
    .mutation(({ ctx, input }) => createWebhookEndpoint({ actor: ctx.actor, input })),
  disable: adminProcedure
    .input(DisableWebhookEndpointInput)
    .mutation(({ ctx, input }) => disableWebhookEndpoint({ actor: ctx.actor, input })),
  /** The delivery log: the latest 50, of one endpoint or of all. */
  deliveries: adminProcedure.input(ListWebhookDeliveriesInput).query(({ input }) => listWebhookDeliveries({ input })),
});
