import { afterEach, describe, expect, it, vi } from "vitest";
import { servedOverHttps } from "./app-origin";
import { contentSecurityPolicy, isPublicAsset, newNonce, securityHeaders } from "./security-headers";

const base = { nonce: "bm9uY2Utbm9uY2Utbm9uY2U=", dev: false, https: false, pathname: "/dashboard" };

describe("security headers", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("allows scripts only with the request's nonce, and eval only under next dev", () => {
    const production = contentSecurityPolicy(base);
    expect(production).toContain(`script-src 'self' 'nonce-${base.nonce}' 'strict-dynamic'`);
    expect(production).not.toContain("unsafe-eval");
    expect(production).not.toMatch(/style-src [^;]*unsafe-inline/);
    expect(contentSecurityPolicy({ ...base, dev: true })).toContain("'unsafe-eval'");
  });

  it("sends HSTS and upgrades requests only over https", () => {
    expect(securityHeaders(base)["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders(base)["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    const https = securityHeaders({ ...base, https: true });
    expect(https["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(https["content-security-policy"]).toContain("upgrade-insecure-requests");
  });

  it("tells https from NEXTAUTH_URL or the proxy's X-Forwarded-Proto", () => {
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(servedOverHttps(new Headers())).toBe(false);
    expect(servedOverHttps(new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    vi.stubEnv("NEXTAUTH_URL", "https://billing.example.com");
    expect(servedOverHttps(new Headers())).toBe(true);
  });

  it("forbids storing every answer but hashed build files and the public API description", () => {
    for (const path of [
      "/dashboard",
      "/api/trpc/invoices.list",
      "/api/v1/invoices",
      "/api/portal/outcomes.csv",
      "/api/auth/session",
    ]) {
      expect(securityHeaders({ ...base, pathname: path })["cache-control"], path).toBe("no-store");
    }
    for (const path of ["/_next/static/chunks/app.js", "/api/v1/openapi.json"]) {
      expect(isPublicAsset(path), path).toBe(true);
      expect(securityHeaders({ ...base, pathname: path })["cache-control"], path).toBeUndefined();
    }
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});
