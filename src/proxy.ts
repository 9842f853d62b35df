// Runs before every request (no matcher: pages, API and static files): gives the request its CSP nonce
// (Next reads it from the request's Content-Security-Policy header and puts it on the scripts
// it renders), passes the requested path to server components (so a signed-out visitor is
// sent back to the page they asked for after signing in), and sets the security headers of
// `security-headers.ts` on the response. It is the one place that sees pages, route handlers
// and static files alike; `next.config.mjs` headers() could not carry a per-request nonce nor
// decide HSTS from the running instance's NEXTAUTH_URL.
import { type NextRequest, NextResponse } from "next/server";
import { servedOverHttps } from "@/server/http/app-origin";
import { newNonce, securityHeaders } from "@/server/http/security-headers";

export function proxy(request: NextRequest) {
  const headers = securityHeaders({
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
    https: servedOverHttps(request.headers, request.url),
    pathname: request.nextUrl.pathname,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}
