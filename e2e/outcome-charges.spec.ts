// What each outcome is charged, as a customer's finance user reads it: in the outcomes list
// and on the outcome's page, the same words, at desk and phone widths.
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

for (const width of [1440, 390]) {
  test(`a finance user sees the price charged for each outcome at ${width} px`, async ({ page }, testInfo) => {
    await signIn(page, "finance@globex.example");
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/outcomes?status=billable");
    const table = page.getByRole("table", { name: /Outcomes of Globex/ });
    const firstCharge = table.getByRole("row").nth(1).locator("td").last();
    await expect(firstCharge).toContainText(/#[\d,]+ of [\d,]+/);
    const summary = await firstCharge.locator("[title]").first().getAttribute("title");
    expect(summary).toMatch(/^charged [\d.]+ USD.*#[\d,]+ of [\d,]+ this month/);
    await page.screenshot({ path: testInfo.outputPath(`outcomes-charged-${width}.png`), fullPage: false });

    await table.getByRole("row").nth(1).getByRole("link").first().click();
    const charge = page.getByTestId("outcome-charge");
    await expect(charge).toHaveText(`${summary!.charAt(0).toUpperCase()}${summary!.slice(1)}.`);
    await page.screenshot({ path: testInfo.outputPath(`outcome-charged-${width}.png`), fullPage: true });
  });
}
