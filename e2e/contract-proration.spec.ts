import { clock } from "../src/server/clock";
import { createCustomer } from "./support/customers";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

const day = (d: Date) => d.toISOString().slice(0, 10);
const monthLabel = (d: Date) =>
  new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(d);

test("an admin starts a version on the 10th; the month's draft shows each version's prorated fee with its days", async ({
  page,
  request,
}) => {
  test.slow(); // a customer of its own and two versions
  const now = clock.now(); // pinned to the 15th, 12:00 UTC
  const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const tenth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 10));
  const days = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
  await signIn(page, "admin@acme-support.ai");
  const customer = await createCustomer(page, request, "Contract proration");
  await page.goto("/customers");
  await page.getByRole("link", { name: customer }).click();

  await page.getByLabel("Effective from (day)").fill(day(lastMonth));
  await page.getByLabel(/^Platform fee per month/).fill("300");
  await page.getByLabel("Change note").fill("Platform fee while the integration is built.");
  await page.getByRole("button", { name: "Create contract version" }).click();
  await expect(page.getByText(`Version 1 created; it applies from ${monthLabel(lastMonth)}.`)).toBeVisible();

  const tenthLabel = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(tenth);
  await page.getByLabel("Effective from (day)").fill(day(tenth));
  await page.getByLabel(/^Platform fee per month/).fill("600");
  await page.getByLabel("Change note").fill("Upgrade on the 10th: the bigger plan.");
  await page.getByRole("button", { name: "Create contract version" }).click();
  await expect(page.getByText(`Version 2 created; it applies from ${tenthLabel}.`)).toBeVisible();
  await expect(page.getByText(`Version 2 · from ${tenthLabel}`)).toBeVisible();
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`contract-effective-day-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.goto("/invoices");
  await page.getByLabel("Viewing customer").selectOption({ label: customer });
  await expect(page.getByText(`Monthly invoices and credit notes for ${customer}.`)).toBeVisible();
  await page.getByRole("link", { name: monthLabel(thisMonth) }).click();
  const lines = page.getByRole("table", { name: /^Lines of/ });
  await expect(lines).toContainText(`Platform fee, 9 of ${days} days (version 1)`);
  await expect(lines).toContainText(`Platform fee, ${days - 9} of ${days} days (version 2)`);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`prorated-invoice-${width}.png`), fullPage: true });
  }
});

test("an admin commits a customer to 12,000.00 over 12 months, and the dashboard shows where the commitment stands", async ({
  page,
  request,
}) => {
  test.slow(); // a customer of its own and a version
  const now = clock.now();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  await signIn(page, "admin@acme-support.ai");
  const customer = await createCustomer(page, request, "Commitment");
  await page.goto("/customers");
  await page.getByRole("link", { name: customer }).click();
  await page.getByLabel("Effective from (day)").fill(day(lastMonth));
  await page.getByLabel(/^Platform fee per month/).fill("300");
  await page.getByLabel(/^Commitment over several months/).fill("12000");
  const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  await page.getByLabel("Commitment starts (month)").fill(day(thisMonth).slice(0, 7));
  await page.getByLabel("Commitment term (months)").fill("0");
  await page.getByLabel("Change note").fill("Annual commitment.");
  await page.getByRole("button", { name: "Create contract version" }).click();
  await expect(page.getByLabel("Commitment term (months)")).toHaveAccessibleDescription(
    /A term lasts at least one billing period/,
  );
  await page.getByLabel("Commitment term (months)").fill("12");
  await page.getByRole("button", { name: "Create contract version" }).click();
  await expect(page.getByText(/^Version 1 created/)).toBeVisible();

  await page.goto("/dashboard");
  await page.getByLabel("Viewing customer").selectOption({ label: customer });
  await expect(page.getByRole("heading", { name: `Dashboard — ${customer}` })).toBeVisible();
  const card = page.getByRole("region", { name: "Commitment" });
  await expect(card).toContainText("$12,000.00 over 12 months");
  // This month's platform fee counts so far (the term starts this month); 300.00 in half a month
  // is 600.00 a month at this pace, 7,200.00 over the term: short.
  await expect(card).toContainText("Counted so far$300.00");
  await expect(card).toContainText("Remaining$11,700.00");
  await expect(card.getByTestId("commitment-projection")).toContainText("short");
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await card.screenshot({ path: test.info().outputPath(`commitment-card-${width}.png`) });
  }
});
