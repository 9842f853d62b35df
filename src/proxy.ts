// Passes the requested path to server components, so a signed-out visitor is sent back to
// the page they asked for after signing in; and answers a path that is not valid
// percent-encoding with 400, which Next's router would otherwise answer with a bare 500
// when it decodes a dynamic segment such as /api/v1/events/{id}.
import { type NextRequest, NextResponse } from "next/server";

export function proxy(request: NextRequest) {
  if (!decodablePath(request.nextUrl.pathname)) {
    const message = "The path is not valid percent-encoding (URL-encode each path segment as UTF-8).";
    return NextResponse.json({ error: { code: "VALIDATION_FAILED", message, fields: [] } }, { status: 400 });
  }
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const headers = new Headers(request.headers);
  headers.set("x-pathname", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const config = { matcher: ["/((?!_next|favicon.ico).*)"] };
