// The app's own origin (scheme, host and port), against which redirect targets and the
// `Origin` of state-changing requests are checked. NEXTAUTH_URL is the public address when it
// is set (`npm start` always sets it); without it, the request's own host, as a reverse proxy
// reports it in X-Forwarded-Host/-Proto, or the Host header. A browser cannot set those
// headers on a cross-site request without a CORS preflight, which this app never grants.

interface HeaderSource {
  get(name: string): string | null;
}

/** The first value of a header a chain of proxies may have appended to ("a, b"). */
function firstValue(headers: HeaderSource, name: string): string | null {
  const value = headers.get(name)?.split(",")[0]?.trim();
  return value ? value : null;
}

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/** The app's public origin, e.g. "https://billing.example.com". */
export function appOrigin(headers: HeaderSource, requestUrl?: string): string {
  const configured = process.env.NEXTAUTH_URL && originOf(process.env.NEXTAUTH_URL);
  if (configured) return configured;
  const fromRequest = requestUrl ? new URL(requestUrl) : null;
  const host = firstValue(headers, "x-forwarded-host") ?? headers.get("host") ?? fromRequest?.host ?? "localhost";
  const scheme = firstValue(headers, "x-forwarded-proto") ?? fromRequest?.protocol.replace(/:$/, "") ?? "http";
  return originOf(`${scheme}://${host}`) ?? "http://localhost";
}

/** Whether the browser reached the app over https (directly, or through a proxy that says so). */
export function servedOverHttps(headers: HeaderSource, requestUrl?: string): boolean {
  return appOrigin(headers, requestUrl).startsWith("https:") || firstValue(headers, "x-forwarded-proto") === "https";
}
