// The provider's exceptions to the webhook address rule (see domain/webhooks/webhook-address.ts),
// read from WEBHOOK_ALLOWED_PRIVATE_HOSTS on every use, so a changed setting applies without
// a restart (and a test can set it).
import { type AllowedPrivateHosts, parseAllowedPrivateHosts } from "@/domain/webhooks/webhook-address";

let cached: { raw: string | undefined; parsed: AllowedPrivateHosts } | null = null;

export function allowedPrivateHosts(): AllowedPrivateHosts {
  const raw = process.env.WEBHOOK_ALLOWED_PRIVATE_HOSTS;
  if (!cached || cached.raw !== raw) cached = { raw, parsed: parseAllowedPrivateHosts(raw) };
  return cached.parsed;
}
