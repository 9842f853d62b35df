// Adjustment lines read as amounts with their explanation, never as "1 × <the cap>".
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

test("a finance user reads a dispute-credit line as an amount, without a quantity or unit price", async ({
  page,
}, testInfo) => {
  await signIn(page, "finance@globex.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" }).click();
  const invoices = page.getByRole("table", { name: /^Invoices of Globex Corporation/ });
  await invoices.getByRole("row").filter({ hasText: "Draft" }).first().getByRole("link").click();
  const credit = page.locator("tbody tr").filter({ hasText: /^Dispute credits/ });
  await expect(credit).toHaveCount(1);
  const cells = await credit.locator("td").allTextContents();
  expect(cells.slice(1, 3)).toEqual(["—", "—"]);
  expect(cells[3]).toMatch(/^-\$[\d,]+\.\d\d$/);
  await page.screenshot({ path: testInfo.outputPath("invoice-adjustment-lines-1440.png"), fullPage: true });
  await credit.getByRole("link").click();
  await expect(page.getByText(/^Line \d+ of the draft invoice for [^:]+: -\$[\d,]+\.\d\d\. /)).toBeVisible();
});
