import { describe, expect, it } from "vitest";
import {
  addressRange,
  NO_PRIVATE_HOSTS,
  parseAllowedPrivateHosts,
  refusedWebhookAddress,
  refusedWebhookHost,
} from "./webhook-address";

/** The host of a URL as the server reads it, so alternative spellings are judged as written. */
const hostOf = (url: string) => new URL(url).hostname;

describe("webhook addresses", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.1.2", "loopback"],
    ["::1", "loopback"],
    ["10.0.0.5", "private"],
    ["172.16.3.4", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"], // AWS, GCP and Azure metadata
    ["fe80::1", "linkLocal"],
    ["fd00:ec2::254", "uniqueLocal"], // AWS metadata over IPv6
    ["fc00::1", "uniqueLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["100.100.100.200", "carrierGradeNat"], // Alibaba Cloud metadata
    ["224.0.0.1", "multicast"],
    ["ff02::1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["::", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:a00:5", "private"],
    ["::ffff:169.254.169.254", "linkLocal"],
    ["::127.0.0.1", "loopback"], // the deprecated IPv4-compatible spelling, read as the IPv4 address
    ["::7f00:1", "ipv4Compatible"],
    ["64:ff9b::7f00:1", "rfc6052"],
    ["2002:7f00:1::", "6to4"],
    ["192.0.0.170", "reserved"],
    ["8.8.8.8", "unicast"],
    ["2606:4700:4700::1111", "unicast"],
  ])("classifies %s as %s", (address, range) => {
    expect(addressRange(address)).toBe(range);
  });

  it.each([
    "http://127.0.0.1:8080/hooks",
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[0:0:0:0:0:ffff:7f00:1]/",
    "http://[::]/",
    "http://0.0.0.0/",
    "http://0/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00:ec2::254]/",
    "http://100.100.100.200/",
    "http://10.0.0.5:5432/",
    "http://0xa.0.0.5/",
    "http://[fe80::1]/",
    "http://224.0.0.1/",
    "http://localhost:3000/hooks",
    "http://LOCALHOST./hooks",
    "http://api.localhost/hooks",
  ])("refuses %s when the endpoint is created", (url) => {
    expect(refusedWebhookHost(hostOf(url), NO_PRIVATE_HOSTS)).toMatch(/webhooks are sent only to public addresses/);
  });

  it("accepts public hosts and names it cannot judge before resolving them", () => {
    for (const url of ["https://hooks.example.com/in", "http://93.184.215.14/", "https://[2606:4700::1111]/"]) {
      expect(refusedWebhookHost(hostOf(url), NO_PRIVATE_HOSTS), url).toBeNull();
    }
  });

  it("names the host and the address it resolved to", () => {
    expect(refusedWebhookAddress("169.254.169.254", "metadata.google.internal", NO_PRIVATE_HOSTS)).toBe(
      "metadata.google.internal resolves to 169.254.169.254, which is a link-local address, where cloud metadata " +
        "services live; webhooks are sent only to public addresses unless WEBHOOK_ALLOWED_PRIVATE_HOSTS names the host or its range.",
    );
    expect(refusedWebhookAddress("93.184.215.14", "hooks.example.com", NO_PRIVATE_HOSTS)).toBeNull();
  });

  describe("WEBHOOK_ALLOWED_PRIVATE_HOSTS", () => {
    const allowed = parseAllowedPrivateHosts(" hooks.internal., 10.20.0.0/16 ,127.0.0.1, fd12::/16,, ");

    it("allows the ranges and addresses it names, and nothing else", () => {
      expect(refusedWebhookAddress("10.20.3.4", "a.example", allowed)).toBeNull();
      expect(refusedWebhookAddress("::ffff:10.20.3.4", "a.example", allowed)).toBeNull();
      expect(refusedWebhookAddress("127.0.0.1", "127.0.0.1", allowed)).toBeNull();
      expect(refusedWebhookAddress("fd12::7", "a.example", allowed)).toBeNull();
      expect(refusedWebhookAddress("10.21.0.1", "a.example", allowed)).not.toBeNull();
      expect(refusedWebhookAddress("127.0.0.2", "127.0.0.2", allowed)).not.toBeNull();
      expect(refusedWebhookAddress("169.254.169.254", "a.example", allowed)).not.toBeNull();
    });

    it("allows a named host whatever private address it resolves to", () => {
      expect(refusedWebhookAddress("192.168.7.7", "HOOKS.internal", allowed)).toBeNull();
      expect(refusedWebhookAddress("192.168.7.7", "other.internal", allowed)).not.toBeNull();
      expect(refusedWebhookHost("localhost", parseAllowedPrivateHosts("localhost"))).toBeNull();
    });

    it("reads an IPv4-mapped range as the IPv4 range it maps", () => {
      expect(refusedWebhookAddress("127.0.0.9", "x", parseAllowedPrivateHosts("::ffff:127.0.0.0/104"))).toBeNull();
    });

    it("is empty when unset", () => {
      expect(parseAllowedPrivateHosts(undefined)).toEqual({ names: new Set(), ranges: [] });
    });
  });
});
