/** What Settings shows of an endpoint; admins see the secret to configure their receiver. */
export const webhookEndpointFields = {
  id: true,
  url: true,
  description: true,
  events: true,
  secret: true,
  createdAt: true,
  disabledAt: true,
} as const;
