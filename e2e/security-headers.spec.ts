// Web defences as a browser meets them: the security headers on every kind of response, the
// sign-in redirect that stays on the app whatever callbackUrl says, and pages that run under
// the Content-Security-Policy without a single violation.
import { type APIResponse, expect, type Page, test } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/seed/demo-accounts";
import { navigationFor } from "../src/lib/navigation";
import { signIn } from "./support/sign-in";

function expectSecurityHeaders(response: APIResponse, { privateData }: { privateData: boolean }) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"]).toContain("camera=()");
  expect(headers["strict-transport-security"]).toBeUndefined(); // served over http here
  if (privateData) expect(headers["cache-control"]).toContain("no-store");
}

test("every kind of response carries the security headers", async ({ page }) => {
  await signIn(page, "admin@acme-support.ai");
  const api = page.request;

  const html = await api.get("/review");
  expect(html.headers()["content-type"]).toContain("text/html");
  expectSecurityHeaders(html, { privateData: true });
  // Each response has its own nonce.
  const nonceOf = (r: APIResponse) => /'nonce-([^']+)'/.exec(r.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonceOf(await api.get("/review"))).not.toBe(nonceOf(html));

  const trpc = await api.get("/api/trpc/session.me");
  expect(trpc.status()).toBe(200);
  expectSecurityHeaders(trpc, { privateData: true });

  const created = await api.post("/api/trpc/apiKeys.create", { data: { json: { name: "Security headers check" } } });
  expect(created.status()).toBe(200);
  const key: string = (await created.json()).result.data.json.key;
  const rest = await api.get("/api/v1/invoices?customer=globex", { headers: { authorization: `Bearer ${key}` } });
  expect(rest.status()).toBe(200);
  expectSecurityHeaders(rest, { privateData: true });
  const [invoice] = (await rest.json()).data as { id: string }[];

  const download = await api.get(`/api/portal/invoices/${invoice!.id}/lines.csv`);
  expect(download.status()).toBe(200);
  expectSecurityHeaders(download, { privateData: true });

  const script = /src="(\/_next\/static\/[^"]+\.js)"/.exec(await html.text())![1]!;
  const staticFile = await api.get(script);
  expect(staticFile.status()).toBe(200);
  expectSecurityHeaders(staticFile, { privateData: false });
  expect(staticFile.headers()["cache-control"]).toContain("immutable");

  const overHttps = await api.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}/);
});

/** callbackUrl as an attacker writes it into a link (decoded once by the server). */
const HOSTILE_CALLBACKS = [
  "/%5Cevil.example/x", // /\evil.example/x
  "/%09/evil.example/x", // a tab, stripped by the browser: //evil.example/x
  "/%0A/evil.example/x",
  "/.//evil.example",
  "//evil.example",
  "%5C%5Cevil.example",
  "https://evil.example",
  "https:%2F%2Fevil.example",
  "javascript:alert(document.domain)",
  "data:text/html,%3Cscript%3Ealert(1)%3C/script%3E",
];

test("signing in never leaves the app, whatever callbackUrl says", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  for (const callbackUrl of HOSTILE_CALLBACKS) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const leftTheApp: string[] = [];
    await context.route(
      (url) => url.hostname.endsWith("evil.example"),
      (route) => {
        leftTheApp.push(route.request().url());
        return route.abort();
      },
    );
    page.on("dialog", (dialog) => {
      leftTheApp.push(`dialog: ${dialog.message()}`);
      return dialog.dismiss();
    });
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Work e-mail").fill("finance@globex.example");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page, callbackUrl).toHaveURL(`${baseURL}/dashboard`);
    expect(leftTheApp, callbackUrl).toEqual([]);
    await context.close();
  }
});

test("a same-origin callbackUrl still brings the user back to the page they asked for", async ({ page, baseURL }) => {
  await page.goto("/invoices?status=finalized");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
  await page.getByLabel("Work e-mail").fill("finance@globex.example");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}/invoices?status=finalized`);
});

/** Records Content-Security-Policy violations and console errors from the first script on. */
async function watchForViolations(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    // The app has no favicon yet; the browser's own request for one is no page's doing.
    if (message.type() !== "error" || message.location().url.endsWith("/favicon.ico")) return;
    problems.push(`console: ${message.text()} @ ${message.location().url}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.exposeFunction("reportCspViolation", (text: string) => problems.push(`csp: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  return problems;
}

for (const { email, role } of [
  { email: "admin@acme-support.ai", role: "admin" },
  { email: "finance@globex.example", role: "finance" },
] as const) {
  test(`the ${role}'s pages run under the policy without a violation`, async ({ page }) => {
    test.setTimeout(120_000);
    const problems = await watchForViolations(page);
    await signIn(page, email);
    const paths = navigationFor(role).flatMap((section) => section.items.map((item) => item.href));
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    // Hydrated: a client-side navigation needs React's and Next's scripts to have run.
    await page.goto("/dashboard");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" }).click();
    await expect(page).toHaveURL(/\/invoices$/);
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(problems).toEqual([]);

    // The watch itself works: an image from another site is a violation it reports.
    await page.evaluate(() => document.body.append(Object.assign(new Image(), { src: "https://evil.example/x.png" })));
    await expect
      .poll(() => problems.filter((p) => p.startsWith("csp:")))
      .toEqual([expect.stringMatching(/^csp: img-src blocked https:\/\/evil\.example/)]);
  });
}
