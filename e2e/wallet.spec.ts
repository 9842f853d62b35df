import { clock } from "../src/server/clock";
import { createCustomer } from "./support/customers";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

const WIDTHS = [1440, 390] as const;

test("Umbrella's finance user sees the prepaid credits on the dashboard, the wallet's ledger and the draw on the invoice", async ({
  page,
}) => {
  test.slow(); // three pages at two widths
  await signIn(page, "finance@umbrella.example");
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/dashboard");
    const card = page.getByRole("region", { name: "Prepaid credits" });
    await expect(card.getByTestId("wallet-balance")).toHaveText(/^\$[\d,]+\.\d{2}$/);
    await expect(card.getByTestId("wallet-next-expiry")).toContainText(" expires ");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await card.screenshot({ path: test.info().outputPath(`dashboard-wallet-${width}.png`) });

    await page.goto("/wallet");
    const ledger = page.getByTestId("wallet-ledger");
    await expect(ledger).toContainText("Top-up: Prepaid credits, PO UH-2026-114");
    const draw = ledger.getByRole("link", { name: /^INV-/ });
    await expect(draw).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`wallet-${width}.png`), fullPage: true });

    await draw.click();
    const totals = page.getByTestId("invoice-totals");
    await expect(totals).toContainText("Paid from prepaid credits");
    await expect(totals.getByTestId("wallet-drawn")).toHaveText(/^−\$[\d,]+\.\d{2}$/);
    await expect(page.getByText(/from prepaid credits ·/)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: test.info().outputPath(`invoice-wallet-${width}.png`), fullPage: true });
  }
});

test("an admin grants prepaid credits on the customer's page; a third decimal is refused next to its field", async ({
  page,
  request,
}) => {
  test.slow(); // a customer of its own, a refusal and a grant
  await signIn(page, "admin@acme-support.ai");
  const customer = await createCustomer(page, request, "Wallet grant");
  await page.goto("/customers");
  await page.getByRole("link", { name: customer }).click();
  const wallet = page.getByRole("region", { name: "Prepaid credits" });
  await expect(wallet.getByTestId("wallet-balance")).toHaveText("$0.00");

  await page.getByRole("button", { name: "Grant or top up credits" }).click();
  await page.getByLabel("Amount").fill("250.005");
  await page.getByLabel("Reason").fill("Launch credit for the pilot");
  await page.getByRole("button", { name: "Grant credits" }).click();
  await expect(page.getByLabel("Amount")).toHaveAccessibleDescription("At most 2 decimals in USD.");

  await page.getByLabel("Amount").fill("250.00");
  await page.getByLabel("Expires on (optional)").fill("2999-01-01");
  await page.getByRole("button", { name: "Grant credits" }).click();
  await expect(wallet.getByTestId("wallet-balance")).toHaveText("$250.00");
  await expect(wallet.getByTestId("wallet-next-expiry")).toContainText("$250.00 expires ");
  await expect(page.getByTestId("wallet-ledger")).toContainText("Granted: Launch credit for the pilot");
  await page.screenshot({ path: test.info().outputPath("customer-wallet-1440.png"), fullPage: true });

  // The contract states a recurring allowance and what happens to what is left of it.
  const now = clock.now();
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
  await page.getByLabel("Effective from (day)").fill(`${lastMonth}-01`);
  await page.getByLabel("Platform fee", { exact: false }).first().fill("500");
  await page.getByLabel("Prepaid allowance per period (USD)").fill("100");
  await page.getByLabel("Allowance rolls over (periods)").fill("1");
  await page.getByLabel("Change note").fill("100 USD of prepaid credits a month, one month of rollover.");
  await page.getByRole("button", { name: "Create contract version" }).click();
  await expect(page.getByText(/^Version 1 created/)).toBeVisible();
  await expect(page.getByRole("region", { name: /^Contract in force: version 1/ })).toContainText(
    "$100.00 of prepaid credits each period, granted when the period is finalized; what that period's invoice does not use rolls over to the next invoice, then expires.",
  );
});
