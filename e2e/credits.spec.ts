import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

/** "$2.97", "−$2.97" or "—" as cents. */
const cents = (text: string) => (text.trim() === "—" ? 0 : Math.round(Number(text.replace(/[^\d.]/g, "")) * 100));

test("the invoice page and the dashboard tell one story about credits", async ({ page }) => {
  await signIn(page, "finance@globex.example");
  await page.goto("/invoices");
  const table = page.getByRole("table", { name: /^Invoices of Globex Corporation/ });
  await expect(table.getByRole("columnheader", { name: "Charges" })).toBeVisible();
  const credits = await table.locator("tbody tr td:nth-child(5)").allInnerTexts();
  const creditedOverall = credits.reduce((s, c) => s + cents(c), 0);

  // The demo's draft carries the credits of a resolved dispute as its "Dispute credits" line.
  await table.locator("tbody tr", { hasText: "Draft" }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Draft invoice for /);
  const line = page.getByRole("row", { name: /Dispute credits/ });
  const lineAmount = ((await line.locator("td").last().textContent()) ?? "").trim();
  expect(lineAmount).toMatch(/^[-−]\$\d+\.\d{2}$/);
  const disputeCredits = lineAmount.replace(/^[-−]/, "");
  const totals = page.getByTestId("invoice-totals");
  await expect(totals.getByTestId("credits")).toHaveText(`−${disputeCredits}`);
  await expect(totals).toContainText(`Dispute credits−${disputeCredits}`);
  await expect(
    page.getByText(`No credit notes. Dispute credits of ${disputeCredits} are on the invoice itself`),
  ).toBeVisible();
  await expect(page.getByText("nothing on this invoice has been credited")).toHaveCount(0);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await totals.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`draft-credits-${width}.png`), fullPage: true });
  }

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/dashboard");
  await expect(page.getByTestId("credits-overall")).toHaveText(/^\$/);
  expect(cents((await page.getByTestId("credits-overall").textContent()) ?? "")).toBe(creditedOverall);
  const chart = page.getByRole("region", { name: "Credits", exact: true });
  await expect(chart).toContainText("Dispute credits and credit notes, by the period of the invoice they credit.");
  const perPeriod = await chart
    .getByRole("table", { name: "Credits, last six periods" })
    .locator("tbody tr td:nth-child(2)")
    .allTextContents();
  expect(perPeriod.some((c) => cents(c) > 0)).toBe(true);
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId("credits-overall").scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`dashboard-credits-${width}.png`), fullPage: true });
  }
});
