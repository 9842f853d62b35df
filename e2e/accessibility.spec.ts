// Automated accessibility checks (axe) of the customer portal's pages, as a finance user.
// A dispute's page and the dispute dialog are checked in disputes-customer.spec.ts, which opens the dispute.

import { seriousViolations } from "./support/accessibility";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

test("the portal's pages have no serious accessibility violations", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "finance@globex.example");
  const visited: Record<string, string[]> = {};
  for (const path of ["/dashboard", "/outcomes", "/invoices", "/disputes"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    visited[path] = await seriousViolations(page);
  }
  await page.goto("/outcomes");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /Evidence trail|Ticket resolved/ }).first()).toBeVisible();
  visited["outcome detail"] = await seriousViolations(page);
  await page.goto("/invoices");
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  visited["invoice detail"] = await seriousViolations(page);
  expect(visited).toEqual(Object.fromEntries(Object.keys(visited).map((k) => [k, []])));
});
