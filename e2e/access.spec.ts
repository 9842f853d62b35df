import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

for (const path of ["/review", "/customers", "/audit", "/settings"]) {
  test(`a customer user who types ${path} is refused`, async ({ page }) => {
    await signIn(page, "finance@globex.example");
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
  });
}

test("a reviewer is refused the admin-only audit log", async ({ page }) => {
  await signIn(page, "reviewer@acme-support.ai");
  await page.goto("/audit");
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});

test("a customer user's portal shows only their own company", async ({ page }) => {
  await signIn(page, "viewer@initech.example");
  await expect(page.getByRole("banner")).toContainText("Initech");
  await expect(page.getByLabel("Viewing customer")).toHaveCount(0);
});

test("provider staff switch the customer whose portal they see", async ({ page }) => {
  await signIn(page, "admin@acme-support.ai");
  await page.goto("/invoices");
  const switcher = page.getByLabel("Viewing customer");
  await switcher.selectOption({ label: "Umbrella Health" });
  await expect(page.getByText("Monthly invoices and credit notes for Umbrella Health.")).toBeVisible();
  await page.reload();
  await expect(switcher).toHaveValue(
    (await switcher.locator("option", { hasText: "Umbrella Health" }).getAttribute("value")) ?? "",
  );
});

test("the admin reads the audit log and verifies its chain", async ({ page }) => {
  await signIn(page, "admin@acme-support.ai");
  await page.goto("/audit");
  // The demo writes more than a page of entries: the keyset link leads to older ones.
  await expect(page.getByRole("table").locator("tbody tr")).toHaveCount(50);
  await page.getByRole("link", { name: "Older entries →" }).click();
  await expect(page).toHaveURL(/before=\d+/);
  await expect(page.getByRole("table").locator("tbody tr").first()).toBeVisible();
  await page.getByLabel("Action").selectOption("customer.created");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/action=customer.created/);
  // The three demo customers, plus any another journey (e2e/invoices.spec.ts) adds meanwhile.
  const rows = page.getByRole("table").locator("tbody tr");
  await expect(rows.filter({ hasNotText: "customer.created" })).toHaveCount(0);
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  // The newest keyed checkpoint, taken by the scheduler or a finalization, is on the page.
  await expect(page.getByRole("region", { name: "Last checkpoint" })).toContainText(
    /#\d+ at .* vouches for entries 1–/,
  );
  await page.getByRole("button", { name: "Verify chain" }).click();
  await expect(page.getByText(/All \d+ entries and their checkpoints verified/)).toBeVisible();
});

test("the health endpoint reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { status: "up" } });
});
