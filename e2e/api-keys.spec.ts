import { randomUUID } from "node:crypto";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });

test("an admin creates an API key, sees it once, uses it against the API, and revokes it", async ({
  page,
  request,
}) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "admin@acme-support.ai");
  await page.goto("/settings");
  const name = `Support bot ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Key name").fill(name);
  await page.getByRole("button", { name: "Create key" }).click();

  const keyField = page.getByLabel("New API key");
  await expect(page.getByText("it won't be shown again")).toBeVisible();
  const key = await keyField.inputValue();
  expect(key).toMatch(/^olk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Copy key" }).click();
  await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);

  const prefix = key.slice(0, "olk_".length + 8);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(prefix);
  await expect(row).toContainText("Active");

  const listed = await request.get("/api/v1/customers", bearer(key));
  expect(listed.status()).toBe(200);
  expect((await listed.json()).data.map((c: { name: string }) => c.name)).toContain("Globex Corporation");

  // After a reload only the prefix is left, and the key's first use shows.
  await page.reload();
  await expect(row).toContainText(prefix);
  await expect(page.getByLabel("New API key")).toHaveCount(0);
  expect(await page.content()).not.toContain(key.slice(prefix.length + 1));
  await expect(row.getByRole("cell").nth(3)).not.toHaveText("Never");

  await row.getByRole("button", { name: /^Revoke/ }).click();
  await expect(row).toContainText("Systems using it are refused at once");
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(row).toContainText("Revoked");
  await expect(row.getByRole("button", { name: /^Revoke/ })).toHaveCount(0);

  const refused = await request.get("/api/v1/customers", bearer(key));
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error).toMatchObject({
    code: "UNAUTHENTICATED",
    message: expect.stringMatching(/revoked/),
  });
});

test("the API key form explains a missing name, and revoking can be cancelled from the keyboard", async ({ page }) => {
  await signIn(page, "admin@acme-support.ai");
  await page.goto("/settings");
  await page.getByLabel("Key name").press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText(
    "Give the key a name, e.g. the system that will use it.",
  );

  const name = `Lead scorer ${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Key name").fill(name);
  await page.getByLabel("Key name").press("Enter");
  await expect(page.getByLabel("New API key")).toBeVisible();
  await page.getByRole("button", { name: "I have stored it" }).click();
  await expect(page.getByLabel("New API key")).toHaveCount(0);

  const row = page.getByRole("row").filter({ hasText: name });
  await row.getByRole("button", { name: /^Revoke/ }).focus();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(row.getByRole("button", { name: /^Revoke/ })).toBeFocused();
  await expect(row).toContainText("Active");
});

test("the REST API refuses a request without a key with the one JSON error", async ({ request }) => {
  const response = await request.get("/api/v1/customers");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({
    error: { code: "UNAUTHENTICATED", message: expect.stringMatching(/Authorization header/), fields: [] },
  });
});
