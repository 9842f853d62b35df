import { DEMO_USERS } from "../prisma/seed/demo-accounts";
import { ROLE_LABELS } from "../src/domain/roles";
import { navigationFor } from "../src/lib/navigation";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

for (const user of DEMO_USERS) {
  test(`${user.role} ${user.email} signs in and sees the ${user.role} navigation`, async ({ page }) => {
    await signIn(page, user.email);
    await expect(page.getByTestId("current-role")).toHaveText(ROLE_LABELS[user.role]);
    const nav = page.getByRole("navigation", { name: "Main" });
    const expected = navigationFor(user.role).flatMap((s) => s.items.map((i) => i.label));
    await expect(nav.getByRole("link")).toHaveText(expected);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });
}

test("a wrong password shows an error and signs nobody in", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Work e-mail").fill("finance@initech.example");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(
    "That e-mail and password do not match an active account.",
  );
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "viewer@umbrella.example");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/invoices");
  await expect(page).toHaveURL(/\/sign-in/);
});
