// The headers every response carries, computed in one place and set by `src/proxy.ts`, which
// runs for every request (pages, tRPC, REST v1, portal downloads, next-auth, static files).
//
// The Content-Security-Policy allows scripts only from this origin and only when they carry
// the request's nonce ('strict-dynamic' then trusts what those scripts load, i.e. Next's
// chunks). Next reads the nonce from the policy in the *request* headers and puts it on every
// script and style it renders, which is why every page is rendered per request (the root
// layout awaits `connection()`). Inline `style="…"` attributes stay allowed
// (`style-src-attr`): React and recharts render them, and unlike scripts or `<style>` elements
// they cannot run code or select on attribute values.

export interface SecurityHeaderOptions {
  /** A fresh random value for this request (base64). */
  nonce: string;
  /** `next dev`: React's debugging needs eval, and the dev overlay injects unnonced styles. */
  dev: boolean;
  /** Served over https (directly or behind a proxy that says so): adds HSTS. */
  https: boolean;
  /** The request's path, to tell private answers from public assets. */
  pathname: string;
}

export function contentSecurityPolicy({ nonce, dev, https }: Omit<SecurityHeaderOptions, "pathname">): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' ${dev ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Powerful browser features the portal never uses, denied to it and to anything it embeds. */
const PERMISSIONS_POLICY = [
  "camera",
  "microphone",
  "geolocation",
  "payment",
  "usb",
  "serial",
  "hid",
  "midi",
  "accelerometer",
  "gyroscope",
  "magnetometer",
  "display-capture",
  "browsing-topics",
]
  .map((feature) => `${feature}=()`)
  .join(", ");

/**
 * Answers that may be stored by browsers and shared caches: Next's content-hashed build files
 * and the public API description. Everything else (pages, tRPC, REST v1, downloads, the
 * session endpoint) can carry a customer's data and is `no-store`.
 */
export function isPublicAsset(pathname: string): boolean {
  return (
    pathname.startsWith("/_next/static/") ||
    pathname.startsWith("/_next/image") ||
    pathname === "/favicon.ico" ||
    pathname === "/api/v1/openapi.json"
  );
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "cross-origin-opener-policy": "same-origin",
    ...(options.https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
    ...(isPublicAsset(options.pathname) ? {} : { "cache-control": "no-store" }),
  };
}

/** 128 random bits, base64: unguessable, and valid in a CSP source expression. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
