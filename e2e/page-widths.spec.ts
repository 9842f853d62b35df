// A phone is a first-class screen: no page of any role scrolls sideways at 390 px (nor at
// 1440 px). Each role visits its list pages and one detail page of each kind, found by
// following the first link of that kind, and every width is measured before any is asserted,
// so one run reports them all (attached as page-widths-<role>.json).

import type { Page } from "@playwright/test";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

/** A page to visit, or a detail page: the first link under `on` whose href starts with `linkPrefix`. */
type Stop = { path: string } | { name: string; on: string; linkPrefix: string };

const billing: Stop[] = [
  { path: "/dashboard" },
  { path: "/dashboard/value-report" },
  { path: "/outcomes" },
  { name: "outcome", on: "/outcomes", linkPrefix: "/outcomes/" },
  { path: "/invoices" },
  { name: "invoice", on: "/invoices", linkPrefix: "/invoices/" },
  { path: "/credit-notes" },
  { path: "/wallet" },
  { path: "/disputes" },
  { name: "dispute", on: "/disputes", linkPrefix: "/disputes/" },
];
const provider: Stop[] = [
  { path: "/review" },
  { name: "review page", on: "/review", linkPrefix: "/review/" },
  { path: "/definitions" },
  { name: "definition", on: "/definitions", linkPrefix: "/definitions/" },
  { path: "/customers" },
  { name: "customer", on: "/customers", linkPrefix: "/customers/" },
  { path: "/api-reference" },
];
const admin: Stop[] = [{ path: "/audit" }, { path: "/settings" }, { path: "/jobs" }];

const roles = [
  { role: "customer finance", email: "finance@globex.example", stops: billing },
  { role: "customer viewer", email: "viewer@globex.example", stops: billing },
  // The demo's credit notes are Initech's (a dispute decided on its last finalized invoice).
  {
    role: "customer finance with credit notes",
    email: "finance@initech.example",
    stops: [{ path: "/credit-notes" }, { name: "credit note", on: "/credit-notes", linkPrefix: "/credit-notes/" }],
  },
  { role: "reviewer", email: "reviewer@acme-support.ai", stops: [...provider, ...billing] },
  { role: "admin", email: "admin@acme-support.ai", stops: [...provider, ...admin, ...billing] },
];

async function settle(page: Page) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
}

const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/** How far the widest table reaches, in px from the left edge: past the viewport, a column is cut off. */
const tableReach = (page: Page) =>
  page.evaluate(() =>
    Math.ceil(
      Math.max(
        0,
        ...[...document.querySelectorAll("main table")]
          .filter((t) => !t.closest(".sr-only")) // for screen readers only: clipped to nothing
          .map((t) => t.getBoundingClientRect().right),
      ),
    ),
  );

/** Resolves each stop to a path once (detail pages by their first link), at the desktop width. */
async function resolvePaths(page: Page, stops: Stop[]): Promise<Record<string, string>> {
  const paths: Record<string, string> = {};
  for (const stop of stops) {
    if ("path" in stop) {
      paths[stop.path] = stop.path;
      continue;
    }
    await page.goto(stop.on);
    await settle(page);
    const link = page.locator(`main a[href^="${stop.linkPrefix}"]`).first();
    const href = await link.getAttribute("href");
    expect(href, `a link to a ${stop.name} on ${stop.on}`).toBeTruthy();
    paths[stop.name] = href!;
    if (stop.name === "invoice") {
      await page.goto(href!);
      await settle(page);
      const line = await page.locator('main a[href*="/lines/"]').first().getAttribute("href");
      if (line) paths["invoice line"] = line;
    }
  }
  return paths;
}

/** The outermost elements that reach past the viewport, to name in a failure. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()}${e.className && typeof e.className === "string" ? `.${e.className.trim().split(/\s+/).slice(0, 4).join(".")}` : ""}`;
    return [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > limit + 1)
      .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= limit + 1)
      .slice(0, 5)
      .map((e) => `${name(e)} (${Math.ceil(e.getBoundingClientRect().right)} px)`);
  });

async function measure(page: Page, paths: Record<string, string>) {
  const widths: Record<string, number> = {};
  const tables: Record<string, number> = {};
  for (const [name, path] of Object.entries(paths)) {
    await page.goto(path);
    await settle(page);
    widths[name] = await scrollWidth(page);
    tables[name] = await tableReach(page);
    const viewport = page.viewportSize()?.width ?? 0;
    // To look at as a user would: test-results/<test>/<page>-<width>.png
    await page.screenshot({ path: test.info().outputPath(`${name.replace(/\W+/g, "-")}-${viewport}.png`) });
    if (widths[name] > viewport || tables[name] > viewport) {
      console.log(`[page-widths] ${name} at ${viewport} px: ${(await overflowing(page)).join(", ")}`);
    }
  }
  return { widths, tables };
}

function report(name: string, widths: Record<string, Record<string, number>>) {
  console.log(`[page-widths] ${name}: ${JSON.stringify(widths)}`);
  return test.info().attach(`page-widths-${name.replace(/ /g, "-")}.json`, {
    body: JSON.stringify(widths, null, 2),
    contentType: "application/json",
  });
}

for (const { role, email, stops } of roles) {
  test(`no page scrolls sideways at 390 px or 1440 px, as ${role}`, async ({ page }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(DESKTOP);
    await signIn(page, email);
    const paths = await resolvePaths(page, stops);
    const desktop = await measure(page, paths);
    await page.setViewportSize(PHONE);
    const phone = await measure(page, paths);
    await report(role, { phone: phone.widths, desktop: desktop.widths, phoneTableReach: phone.tables });
    const atMost = (widths: Record<string, number>, limit: number) =>
      Object.fromEntries(Object.entries(widths).map(([k, w]) => [k, Math.min(w, limit)]));
    expect(phone.widths).toEqual(atMost(phone.widths, PHONE.width));
    expect(desktop.widths).toEqual(atMost(desktop.widths, DESKTOP.width));
    // Every table fits too: on a phone its rows are cards, no column (the amount least of all) off-screen.
    expect(phone.tables).toEqual(atMost(phone.tables, PHONE.width));
    // On a desktop no table needs its own sideways scroll either (the customer's disputes did).
    expect(desktop.tables).toEqual(atMost(desktop.tables, DESKTOP.width));
  });
}

test("the sign-in page does not scroll sideways at 390 px or 1440 px", async ({ page }) => {
  const widths: Record<"phone" | "desktop", Record<string, number>> = { phone: {}, desktop: {} };
  for (const [size, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.goto("/sign-in");
    await settle(page);
    widths[size]["/sign-in"] = await scrollWidth(page);
  }
  await report("signed out", widths);
  expect(widths.phone["/sign-in"]).toBeLessThanOrEqual(PHONE.width);
  expect(widths.desktop["/sign-in"]).toBeLessThanOrEqual(DESKTOP.width);
});
