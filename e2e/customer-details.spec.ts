import { randomUUID } from "node:crypto";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

test("an admin adds a customer in the portal, a wrong time zone is refused next to its field, then edits its legal details", async ({
  page,
}, testInfo) => {
  test.slow(); // a customer of its own, a refusal, a save and an edit
  const suffix = randomUUID().slice(0, 8);
  // Named to sort after the demo customers, so the portal's default customer stays the same.
  const name = `Vandelay Imports ${suffix}`;
  await signIn(page, "admin@acme-support.ai");
  await page.goto("/customers");
  await page.getByRole("button", { name: "Add a customer" }).click();
  const form = page.getByRole("form", { name: "Add a customer" });
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("External id").fill(`vandelay-imports-${suffix}`);
  await form.getByLabel("Currency").fill("EUR");
  await form.getByLabel("Time zone").fill("Europe/Atlantis");
  await form.getByRole("button", { name: "Add customer" }).click();
  await expect(form.getByLabel("Time zone")).toHaveAccessibleDescription(
    "Use an IANA time zone such as Europe/Berlin.",
  );
  await form.getByLabel("Time zone").fill("Europe/Berlin");
  await form.getByLabel("Legal name").fill(`Vandelay Imports ${suffix} GmbH`);
  await form.getByRole("button", { name: "Add customer" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const facts = page.getByRole("region", { name: "Customer" });
  await expect(facts).toContainText("EUR");
  await expect(facts).toContainText("Europe/Berlin");
  await expect(facts).toContainText(`Vandelay Imports ${suffix} GmbH`);

  await page.getByRole("button", { name: "Edit details" }).click();
  const edit = page.getByRole("form", { name: "Edit the customer's details" });
  await edit.getByLabel("Address").fill("Unter den Linden 1\n10117 Berlin");
  await edit.getByLabel("Tax ID").fill("DE123456789");
  await edit.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText(/^Saved\. Invoices not yet finalized print the new details/)).toBeVisible();
  await expect(facts).toContainText("DE123456789");
  await expect(facts).toContainText("10117 Berlin");

  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: testInfo.outputPath(`customer-details-${width}.png`), fullPage: true });
  }
});

test("a reviewer sees the customer's details but no way to add or edit customers", async ({ page }) => {
  await signIn(page, "reviewer@acme-support.ai");
  await page.goto("/customers");
  await expect(page.getByRole("heading", { level: 1, name: "Customers" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a customer" })).toHaveCount(0);
  await page.getByRole("link", { name: "Globex" }).first().click();
  await expect(page.getByRole("region", { name: "Customer" })).toContainText("Legal name");
  await expect(page.getByRole("button", { name: "Edit details" })).toHaveCount(0);
});
