// Lists read in the customer's own time zone too, not only its invoices: Globex is set to New
// York, so every instant on its outcomes list, disputes list, an invoice line's outcomes, the
// dashboard's cards, the value report, a rule and the notifications is Eastern time, named.

import type { Locator } from "@playwright/test";
import { stateOutcomeValue } from "./support/outcome-values";
import { signIn } from "./support/sign-in";
import { expect, type Page, test } from "./support/test";

/** "Dec 3, 2026, 10:48 AM EST": a time in New York, the zone named. */
const NEW_YORK_TIME = /\w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T/;
/** "Dec 3, 2026, 3:48:51 PM UTC": how the provider's cross-customer pages write an instant. */
const UTC_TIME = /[AP]M UTC/;

async function readsNewYorkTime(area: Locator) {
  await expect(area).toContainText(NEW_YORK_TIME);
  await expect(area).not.toContainText(UTC_TIME);
}

/** Opens the first link on the page whose address starts with `prefix`; returns that address. */
async function openFirst(page: Page, prefix: string) {
  const link = page.locator(`main a[href^="${prefix}"]`).first();
  await expect(link).toBeVisible();
  const href = (await link.getAttribute("href")) ?? "";
  await page.goto(href);
  return href;
}

test("Globex's lists, cards and notifications show instants in New York time", async ({ page }) => {
  await signIn(page, "finance@globex.example");

  await page.goto("/outcomes");
  await readsNewYorkTime(page.getByRole("table"));

  await page.goto("/disputes");
  await readsNewYorkTime(page.getByRole("table"));

  await page.goto("/invoices");
  const invoice = await openFirst(page, "/invoices/");
  await openFirst(page, `${invoice}/lines/`);
  await readsNewYorkTime(page.getByRole("table"));

  // A rule's effective dates, reached from an outcome's evaluation.
  await page.goto("/outcomes?status=billable");
  await openFirst(page, "/outcomes/");
  await openFirst(page, "/rules/");
  await readsNewYorkTime(page.locator("main"));

  // The value report's "as of".
  await page.goto("/dashboard/value-report");
  await readsNewYorkTime(page.locator("main"));

  // Decisions on Globex's seeded disputes notified the company.
  await page.getByRole("button", { name: /^Notifications/ }).click();
  const notifications = page.getByRole("list", { name: "Notifications" });
  await expect(notifications.getByRole("listitem").first()).toBeVisible();
  await readsNewYorkTime(notifications);
});

test("a Globex viewer reads who set an outcome's value, and when, in New York time", async ({ page }) => {
  await signIn(page, "finance@globex.example");
  const values = await stateOutcomeValue(page, "7.50");

  await page.context().clearCookies();
  await signIn(page, "viewer@globex.example");
  await page.goto("/dashboard");
  await readsNewYorkTime(values);
});
