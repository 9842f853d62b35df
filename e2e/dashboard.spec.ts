import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

/** The current billing period in UTC as the dashboard's links name it: [first day, first day of next month). */
function currentPeriod() {
  const now = new Date();
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    from: day(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))),
    to: day(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))),
  };
}

test("a finance user reads the dashboard and opens the outcomes behind a figure", async ({ page }) => {
  await signIn(page, "finance@globex.example");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dashboard — Globex Corporation");

  await expect(page.getByTestId("mtd-total")).toHaveText(/^\$[\d,]+\.\d{2}/);
  await expect(page.getByTestId("forecast-range")).toHaveText(/^\$[\d,]+\.\d{2} – \$[\d,]+\.\d{2}/);
  await expect(page.getByTestId("success-rate")).toHaveText(/^\d+\.\d%/);
  await expect(page.getByRole("region", { name: "Disputes" })).toContainText(
    "No disputes yet — contesting outcomes arrives with the review queue",
  );

  // The method behind the forecast is one click away.
  const forecast = page.getByRole("region", { name: "Forecast to month end" });
  await forecast.getByText("How this forecast is made").click();
  await expect(forecast.getByText(/standard deviations of the daily counts/)).toBeVisible();

  // Every chart draws its bars and carries its numbers in a table for screen readers.
  for (const [chart, table] of [
    ["Charges by line type", "Charges by line type, last six periods"],
    ["Outcomes and attempts", "Outcomes and attempts, last six periods"],
    ["Credits", "Credits, last six periods"],
  ] as const) {
    const region = page.getByRole("region", { name: chart, exact: true });
    await expect(region.locator(".recharts-surface").first()).toBeVisible();
    await expect(region.getByRole("table", { name: table }).locator("tbody tr")).toHaveCount(6);
  }
  await expect(
    page.getByRole("region", { name: "Outcomes and attempts", exact: true }).locator(".recharts-bar-rectangle").first(),
  ).toBeAttached();

  const { from, to } = currentPeriod();
  await page.getByTestId("mtd-billable").getByRole("link").click();
  await expect(page).toHaveURL(`/outcomes?status=billable&from=${from}&to=${to}`);
});
