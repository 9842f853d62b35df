import { randomUUID } from "node:crypto";
import { DEMO_USERS } from "../prisma/seed/demo-accounts";
import { ROLE_LABELS } from "../src/domain/roles";
import { navigationFor, sectionsShownAt } from "../src/lib/navigation";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

for (const user of DEMO_USERS) {
  test(`${user.role} ${user.email} signs in and sees the ${user.role} navigation`, async ({ page }) => {
    await signIn(page, user.email);
    await expect(page.getByTestId("current-role")).toHaveText(ROLE_LABELS[user.role]);
    const nav = page.getByRole("navigation", { name: "Main" });
    // Where the user lands: staff on the review queue, which shows no customer's Billing menu.
    const landing = new URL(page.url()).pathname;
    const expected = sectionsShownAt(navigationFor(user.role), landing).flatMap((s) => s.items.map((i) => i.label));
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

test("signing out ends the session, and any copy of its cookie", async ({ page, browser }) => {
  // A user of its own: signing out ends every session of that user, and the demo users sign
  // in in other tests at the same time.
  const email = `sign-out-${randomUUID()}@example.test`;
  const password = "sign-out-password-2026";
  await signIn(page, "admin@acme-support.ai");
  const created = await page.request.post("/api/trpc/users.create", {
    data: { json: { email, name: "Sam Signout", role: "reviewer", password } },
  });
  expect(created.ok(), await created.text()).toBe(true);

  const session = await browser.newContext();
  const user = await session.newPage();
  await signIn(user, email, password);
  const copied = await session.cookies();
  await user.getByRole("button", { name: "Sign out" }).click();
  await expect(user).toHaveURL(/\/sign-in/);
  await user.goto("/invoices");
  await expect(user).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(copied);
  const thief = await replay.newPage();
  await thief.goto("/review");
  await expect(thief).toHaveURL(/\/sign-in\?callbackUrl=%2Freview/);
  await Promise.all([session.close(), replay.close()]);
});
