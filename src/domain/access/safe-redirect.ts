// Where to send a user after signing in, when the place comes from the request (a
// `callbackUrl`). Only a path on this app's own origin is accepted: the value is resolved the
// way a browser would resolve it (`new URL(value, origin)`, which strips tabs and newlines and
// reads `\` as `/`) and must keep the origin. Checking the text instead (`startsWith("/")`)
// let `/\evil.example` and `/<tab>/evil.example` through, which a browser reads as
// `//evil.example`: another site.

/** Longer values are refused rather than parsed; no page of the app needs more. */
export const MAX_REDIRECT_LENGTH = 2_000;

/**
 * The normalised path + search + hash of `value` when it names a page of `origin`, else "/".
 * `origin` is the app's own, e.g. "https://billing.example.com".
 */
export function safeRedirectPath(value: string | null | undefined, origin: string): string {
  if (typeof value !== "string" || value === "" || value.length > MAX_REDIRECT_LENGTH) return "/";
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(value, base);
  } catch {
    return "/";
  }
  if (target.origin !== base.origin || target.username !== "" || target.password !== "") return "/";
  const path = `${target.pathname}${target.search}${target.hash}`;
  // A same-origin URL can still have a path that a browser would read as protocol-relative
  // once it stands alone (`/.//evil.example` normalises to `//evil.example`).
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return "/";
  return path;
}
