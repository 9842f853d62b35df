// Which client a sign-in request comes from, for the throttle's per-address keys. Next.js
// does not give route handlers the socket's address, and X-Forwarded-For is whatever the
// client wrote unless a proxy of ours wrote it: so it is read only when TRUSTED_PROXY_HOPS
// says how many proxies of ours stand in front of the app. Unset (0): no address, and the
// throttle counts per account (gently) and globally only.
import { clientAddress } from "@/domain/access/client-address";

export function trustedProxyHops(): number {
  const configured = process.env.TRUSTED_PROXY_HOPS?.trim();
  if (!configured) return 0;
  if (!/^\d{1,2}$/.test(configured)) {
    throw new Error(
      `TRUSTED_PROXY_HOPS must be the number of proxies in front of the app (0-99), not "${configured}".`,
    );
  }
  return Number(configured);
}

/** The client's address as a throttle key, or null when it cannot be trusted. */
export function clientAddressOf(headers: Headers | Record<string, unknown> | undefined): string | null {
  const value = headers instanceof Headers ? headers.get("x-forwarded-for") : headers?.["x-forwarded-for"];
  const forwardedFor = Array.isArray(value) ? value.join(",") : typeof value === "string" ? value : null;
  return clientAddress(forwardedFor, trustedProxyHops());
}
