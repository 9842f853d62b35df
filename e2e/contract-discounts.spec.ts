import { clock } from "../src/server/clock";
import { createCustomer } from "./support/customers";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

/** "YYYY-MM" of the month before now, in UTC, so the new version is the one in force. */
function lastMonth() {
  const now = clock.now();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

test("an admin gives a launch discount, a percentage above 100 is refused next to its field, and the contract reads it back in words", async ({
  page,
  request,
}) => {
  test.slow(); // a customer of its own, a refusal and a save
  await signIn(page, "admin@acme-support.ai");
  const customer = await createCustomer(page, request, "Contract discounts");
  await page.goto("/customers");
  await page.getByRole("link", { name: customer }).click();
  await page.getByLabel("Effective from (day)").fill(`${lastMonth()}-01`);
  await page.getByLabel("Platform fee", { exact: false }).first().fill("500");

  await page.getByRole("button", { name: "Add discount" }).click();
  await page.getByLabel("Discount 1: name on the invoice").fill("Launch discount");
  await page.getByLabel("Discount 1: percent off").fill("120");
  await page.getByLabel("Discount 1: for how long").selectOption("periods");
  await page.getByLabel("Discount 1: billing periods").fill("3");
  await page.getByLabel("Change note").fill("A launch discount for the first quarter.");

  await page.getByRole("button", { name: "Create contract version" }).click();
  await expect(page.getByLabel("Discount 1: percent off")).toHaveAccessibleDescription(
    "A percentage is more than 0 and at most 100.",
  );
  await page.getByLabel("Discount 1: percent off").fill("10");
  await page.getByRole("button", { name: "Create contract version" }).click();
  await expect(page.getByText(/^Version 1 created/)).toBeVisible();

  const contract = page.getByRole("region", { name: /^Contract in force: version 1/ });
  await expect(contract).toContainText(
    "Launch discount: 10% off the whole invoice (after the cap and the minimum true-up), for the first 3 billing periods; never below zero.",
  );
});
