// The client's address for the sign-in throttle, from X-Forwarded-For. Each proxy appends
// the address it was reached from, so with N proxies of our own in front of the app the
// client is the N-th entry from the right; anything further left was written by the client
// and proves nothing. With no proxies trusted the header is not read at all: Next.js keeps a
// client's own X-Forwarded-For as it came and only fills it in when there is none.
import { isIPv4, isIPv6 } from "node:net";

export function clientAddress(forwardedFor: string | null | undefined, trustedProxyHops: number): string | null {
  if (trustedProxyHops < 1 || !forwardedFor) return null;
  const hops = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const entry = hops[hops.length - trustedProxyHops];
  return entry === undefined ? null : addressKey(entry);
}

/**
 * An address as one throttle key: IPv4 as written; IPv6 cut to its /64, because one
 * subscriber usually gets a whole /64 and could otherwise take a fresh address per guess.
 * Ports and brackets are dropped; anything that is not an address gives null.
 */
export function addressKey(text: string): string | null {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  address = address.replace(/%.*$/, ""); // an IPv6 zone id names a local interface, not the client

  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return null;
  const groups = ipv6Groups(address);
  const mappedV4 = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mappedV4) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (with "::" and a dotted IPv4 tail expanded). */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase();
  const v4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4Tail) {
    const [a, b, c, d] = v4Tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((g) => Number.parseInt(g, 16)));
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
