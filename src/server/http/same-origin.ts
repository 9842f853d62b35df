// Cross-site request forgery: a page on another site can make the browser send a POST with
// the user's session cookie (a form, or `fetch` with `mode: "no-cors"`). Every state-changing
// request that authenticates by cookie (tRPC, the portal's routes, next-auth) must therefore
// come from the app's own pages:
//   - `Sec-Fetch-Site`, when the browser sends it, is `same-origin` or `none` (typed by the user);
//   - `Origin`, when present, is the app's origin (`appOrigin`), and `Origin: null` is refused.
// A request with neither header does not come from a modern browser's page (curl, a script)
// and cannot ride on a victim's cookie, so it passes. REST v1 authenticates with a Bearer key
// that a browser never adds by itself, so it stays open to callers from any origin.
import { AppError } from "@/server/errors";
import { appOrigin } from "./app-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const TRUSTED_FETCH_SITES = new Set(["same-origin", "none"]);

const FROM_ANOTHER_SITE =
  "This request came from another site, so it was refused. Open Outcome Ledger itself and try again.";

/** Throws FORBIDDEN when a state-changing request was sent by a page of another origin. */
export function assertSameOriginRequest(request: Request): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  const fetchSite = request.headers.get("sec-fetch-site");
  if (fetchSite !== null && !TRUSTED_FETCH_SITES.has(fetchSite.toLowerCase())) {
    throw new AppError("FORBIDDEN", FROM_ANOTHER_SITE);
  }
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== appOrigin(request.headers, request.url)) {
    throw new AppError("FORBIDDEN", FROM_ANOTHER_SITE);
  }
}

/** Whether the body is declared as JSON (`application/json`, any parameters). */
export function hasJsonBody(request: Request): boolean {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}
