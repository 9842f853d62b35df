// Where webhooks may be sent (server-side request forgery). An endpoint URL is typed by an
// admin, but the requests leave from the server, inside the provider's network: without a
// rule, `http://169.254.169.254/…` would post to the cloud's metadata service and
// `http://10.0.0.5:5432/` would probe the database. Webhooks therefore go only to public
// unicast addresses. A provider whose receiver lives on its own network names it in
// WEBHOOK_ALLOWED_PRIVATE_HOSTS (host names and CIDR ranges), read by `parseAllowedPrivateHosts`.
//
// The rule applies to every address a host name resolves to at delivery time, and to the
// host itself when it is a literal address (checked when the endpoint is created, too).
// Addresses arrive canonical: the URL parser rewrites `2130706433`, `0x7f.1` or `0177.0.0.1`
// to `127.0.0.1`, and the resolver answers dotted or colon notation; IPv4-mapped IPv6
// (`::ffff:127.0.0.1`) is judged as the IPv4 address it maps.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface AllowedPrivateHosts {
  /** Lower-case host names, without a trailing dot. */
  names: ReadonlySet<string>;
  ranges: readonly [Address, number][];
}

export const NO_PRIVATE_HOSTS: AllowedPrivateHosts = { names: new Set(), ranges: [] };

/** What an address that is not public is, in words for the delivery log and the form. */
const RANGE_WORDS: Record<string, string> = {
  loopback: "a loopback address",
  private: "a private network address",
  uniqueLocal: "a private (unique-local) IPv6 address",
  linkLocal: "a link-local address, where cloud metadata services live",
  carrierGradeNat: "a carrier-grade NAT address",
  multicast: "a multicast address",
  broadcast: "the broadcast address",
  unspecified: "the unspecified address",
  ipv4Compatible: "an IPv4-compatible IPv6 address",
  rfc6052: "an IPv6 address that carries an IPv4 address (NAT64)",
  rfc6145: "an IPv6 address that carries an IPv4 address (IPv4-translated)",
  "6to4": "an IPv6 address that carries an IPv4 address (6to4)",
  teredo: "an IPv6 address that carries an IPv4 address (Teredo)",
};

/** Normalises a host as URLs and the resolver write it: lower case, no brackets, no final dot. */
export function normalizeHost(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1")
    .replace(/\.$/, "");
}

function parseAddress(address: string): Address | null {
  const host = normalizeHost(address);
  if (isIP(host) === 0) return null;
  // `process` turns an IPv4-mapped IPv6 address into the IPv4 address it maps.
  return ipaddr.process(host);
}

/** The special-purpose range an address belongs to, or "unicast" for an ordinary public one. */
export function addressRange(address: string): string {
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`Not an IP address: ${address}`);
  // ::a.b.c.d (deprecated IPv4-compatible form, ::/96) is no public address either.
  if (parsed.kind() === "ipv6" && parsed.match(ipaddr.IPv6.parse("::"), 96)) {
    return parsed.range() === "unicast" ? "ipv4Compatible" : parsed.range();
  }
  return parsed.range();
}

/** Reads WEBHOOK_ALLOWED_PRIVATE_HOSTS: comma-separated host names, addresses and CIDR ranges. */
export function parseAllowedPrivateHosts(value: string | undefined): AllowedPrivateHosts {
  const names = new Set<string>();
  const ranges: [Address, number][] = [];
  for (const entry of (value ?? "").split(",").map((part) => part.trim())) {
    if (!entry) continue;
    if (entry.includes("/") && ipaddr.isValidCIDR(entry)) {
      const [network, bits] = ipaddr.parseCIDR(entry);
      // Addresses are judged as the IPv4 address they map, so a mapped range is one too.
      const mapped = network instanceof ipaddr.IPv6 && network.isIPv4MappedAddress() && bits >= 96;
      ranges.push(mapped ? [network.toIPv4Address(), bits - 96] : [network, bits]);
      continue;
    }
    const address = parseAddress(entry);
    if (address) {
      ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
    } else {
      names.add(normalizeHost(entry));
    }
  }
  return { names, ranges };
}

function isAllowedAddress(address: Address, allowed: AllowedPrivateHosts): boolean {
  return allowed.ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

/**
 * Why webhooks may not be sent to `address` (resolved from `host`), or null when they may:
 * a public unicast address, or one the provider allowed by its host name or range.
 */
export function refusedWebhookAddress(address: string, host: string, allowed: AllowedPrivateHosts): string | null {
  const parsed = parseAddress(address);
  if (!parsed) return `${address} is not an IP address.`;
  const range = addressRange(address);
  if (range === "unicast") return null;
  if (allowed.names.has(normalizeHost(host)) || isAllowedAddress(parsed, allowed)) return null;
  const words = RANGE_WORDS[range] ?? "a reserved address";
  const where = normalizeHost(host) === normalizeHost(address) ? address : `${host} resolves to ${address}, which`;
  return `${where} is ${words}; webhooks are sent only to public addresses unless WEBHOOK_ALLOWED_PRIVATE_HOSTS names the host or its range.`;
}

/**
 * The check that can be made without resolving the host, when an endpoint is created: a
 * literal address, or a `localhost` name (always loopback). Other names are checked after
 * resolution, at every delivery.
 */
export function refusedWebhookHost(host: string, allowed: AllowedPrivateHosts): string | null {
  const name = normalizeHost(host);
  if (isIP(name) !== 0) return refusedWebhookAddress(name, name, allowed);
  if ((name === "localhost" || name.endsWith(".localhost")) && !allowed.names.has(name)) {
    return `${name} is ${RANGE_WORDS.loopback}; webhooks are sent only to public addresses unless WEBHOOK_ALLOWED_PRIVATE_HOSTS names the host or its range.`;
  }
  return null;
}
