import { clock } from "../src/server/clock";
import { createCustomer } from "./support/customers";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

/** "YYYY-MM" of the month before now, in UTC, so the new version is the one in force. */
function lastMonth() {
  const now = clock.now();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

test("an admin prices one definition by volume tiers with a flat fee and another by the block, and reads them back in words", async ({
  page,
  request,
}) => {
  test.slow(); // a customer of its own, a contract with two shaped prices, a refusal and a save
  await signIn(page, "admin@acme-support.ai");
  const customer = await createCustomer(page, request, "Contract shapes");
  await page.goto("/customers");
  await page.getByRole("link", { name: customer }).click();
  await page.getByLabel("Effective from (day)").fill(`${lastMonth()}-01`);

  await page.getByRole("button", { name: "Add outcome price" }).click();
  await page
    .getByRole("button", { name: /^Add tier to/ })
    .first()
    .click();
  await page
    .getByRole("button", { name: /^Add tier to/ })
    .first()
    .click();
  await page.getByLabel(/Tier 1: up to$/).fill("1000");
  await page.getByLabel(/Tier 1: price$/).fill("0.99");
  await page.getByLabel(/Tier 1: flat fee$/).fill("10");
  await page.getByLabel(/Tier 2: price$/).fill("0.79");
  await page.getByLabel(/Tiers price$/).selectOption("volume");
  await page
    .getByLabel(/Free outcomes a month$/)
    .first()
    .fill("100");

  await page.getByRole("button", { name: "Add outcome price" }).click();
  await page
    .getByLabel(/Price by the block of outcomes \(a package\) instead$/)
    .nth(1)
    .check();
  await page.getByLabel(/Outcomes per block$/).fill("0");
  await page.getByLabel(/Price per block$/).fill("150");
  await page.getByLabel(/A partial block$/).selectOption("down");
  await page
    .getByLabel(/Minimum a month$/)
    .nth(1)
    .fill("300");
  await page.getByLabel("Change note").fill("Volume pricing for tickets, leads by the hundred.");

  // A block of 0 outcomes is refused next to the field, in words, and nothing is saved.
  await page.getByRole("button", { name: "Create contract version" }).click();
  await expect(page.getByLabel(/Outcomes per block$/)).toHaveAccessibleDescription(
    "A block is a whole number of outcomes above 0.",
  );
  await page.getByLabel(/Outcomes per block$/).fill("100");
  await page.getByRole("button", { name: "Create contract version" }).click();
  await expect(page.getByText(/^Version 1 created/)).toBeVisible();

  const contract = page.getByRole("region", { name: /^Contract in force: version 1/ });
  await expect(contract).toContainText(
    "Volume tiers: every outcome of the month at the price of the tier the month's total reaches.",
  );
  await expect(contract).toContainText("The first 100 outcomes of each month are free");
  await expect(contract).toContainText("Every block of 100");
  await expect(contract).toContainText("a partial block is not charged.");
  await expect(contract).toContainText("At least $300.00 a month for these outcomes, used or not.");
});
