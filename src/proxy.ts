// Runs before every request (no matcher: pages, API and static files): gives the request its CSP nonce
// (Next reads it from the request's Content-Security-Policy header and puts it on the scripts
// it renders), passes the requested path to server components (so a signed-out visitor is
// sent back to the page they asked for after signing in), and sets the security headers of
// `security-headers.ts` on the response. It is the one place that sees pages, route handlers
// and static files alike; `next.config.mjs` headers() could not carry a per-request nonce nor
// decide HSTS from the running instance's NEXTAUTH_URL. A path that is not valid
// percent-encoding is answered 400 here, which Next's router would otherwise answer with a
// bare 500 when it decodes a dynamic segment such as /api/v1/events/{id}.
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
  let response: NextResponse;
  if (!decodablePath(request.nextUrl.pathname)) {
    const message = "The path is not valid percent-encoding (URL-encode each path segment as UTF-8).";
    // "(request)" is errors.ts's WHOLE_REQUEST, spelled here: importing errors.ts would bring the database client into the proxy.
    const fields = [{ path: "(request)", message }];
    response = NextResponse.json({ error: { code: "VALIDATION_FAILED", message, fields } }, { status: 400 });
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
    requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}
