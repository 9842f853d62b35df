// One webhook POST that can only reach an address the webhook rule allows. The host is
// resolved once, every address it resolves to is checked, and the connection is made to the
// checked address through the socket's own `lookup`, so a DNS answer that changes between the
// check and the connection (rebinding) cannot point the request elsewhere. A literal address
// in the URL is checked before connecting (Node does not call `lookup` for one). Redirects are
// never followed: a 3xx is just a failed delivery.
import { type LookupAddress, lookup as resolve } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { normalizeHost, refusedWebhookAddress } from "@/domain/webhooks/webhook-address";
import { allowedPrivateHosts } from "@/server/services/webhooks/internal/allowed-private-hosts";

/** The endpoint's host is, or resolves to, an address webhooks may not be sent to. */
export class RefusedAddressError extends Error {
  override name = "RefusedAddressError";
}

const checkedLookup: LookupFunction = (hostname, options, callback) => {
  resolve(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    if (addresses.length === 0) return callback(new Error(`${hostname} has no address.`), "", 0);
    const allowed = allowedPrivateHosts();
    for (const { address } of addresses) {
      const refusal = refusedWebhookAddress(address, hostname, allowed);
      if (refusal) return callback(new RefusedAddressError(refusal), "", 0);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    callback(null, first!.address, first!.family);
  });
};

/** POSTs `body` to `url` and answers the HTTP status; the response body is not read. */
export function postWebhook(
  url: string,
  { headers, body, timeoutMs }: { headers: Record<string, string>; body: string; timeoutMs: number },
): Promise<number> {
  const target = new URL(url);
  const host = normalizeHost(target.hostname);
  if (isIP(host) !== 0) {
    const refusal = refusedWebhookAddress(host, host, allowedPrivateHosts());
    if (refusal) return Promise.reject(new RefusedAddressError(refusal));
  }
  const transport = target.protocol === "https:" ? https : http;
  return new Promise((done, fail) => {
    const request = transport.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: checkedLookup,
        // A fresh connection per delivery: no pooled socket outlives the check that allowed it.
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        done(response.statusCode ?? 0);
        response.destroy();
      },
    );
    request.on("error", fail);
    request.end(body);
  });
}
