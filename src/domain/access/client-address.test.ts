import { describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "./client-address";

describe("client address", () => {
  it("reads nothing from X-Forwarded-For unless proxies are trusted", () => {
    expect(clientAddress("203.0.113.5", 0)).toBeNull();
    expect(clientAddress(undefined, 1)).toBeNull();
    expect(clientAddress("", 1)).toBeNull();
  });

  it("takes the entry the nearest trusted proxy vouches for, not what the client wrote", () => {
    expect(clientAddress("203.0.113.5", 1)).toBe("203.0.113.5");
    expect(clientAddress("6.6.6.6, 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(clientAddress("6.6.6.6, 203.0.113.5, 10.0.0.2", 2)).toBe("203.0.113.5");
  });

  it("gives no address when the request passed fewer proxies than trusted, or names garbage", () => {
    expect(clientAddress("203.0.113.5", 2)).toBeNull();
    expect(clientAddress("not-an-address", 1)).toBeNull();
    expect(clientAddress("unknown, 203.0.113.5", 2)).toBeNull();
  });

  it("drops ports, brackets and zones, and unwraps IPv4-mapped IPv6", () => {
    expect(addressKey("203.0.113.5:4711")).toBe("203.0.113.5");
    expect(addressKey("::ffff:203.0.113.5")).toBe("203.0.113.5");
    expect(addressKey("[::ffff:cb00:7105]:443")).toBe("203.0.113.5");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("counts an IPv6 client by its /64, however the address is written", () => {
    const key = "2001:db8:85a3:8d3::/64";
    expect(addressKey("2001:db8:85a3:8d3:1319:8a2e:370:7348")).toBe(key);
    expect(addressKey("2001:0DB8:85a3:08d3::1")).toBe(key);
    expect(addressKey("[2001:db8:85a3:8d3::beef]:8080")).toBe(key);
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("64:ff9b::192.0.2.33")).toBe("64:ff9b:0:0::/64");
  });
});
