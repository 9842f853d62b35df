import { clock } from "../src/server/clock";
import { stateOutcomeValue } from "./support/outcome-values";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

/** The current billing period in UTC as the dashboard's links name it: [first day, first day of next month). */
function currentPeriod() {
  const now = clock.now();
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
  await expect(
    page.getByRole("region", { name: "Disputes" }).getByRole("link", { name: "All disputes" }),
  ).toBeVisible();

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
    // A chart is drawn once it comes near the screen (its script is fetched then).
    await region.evaluate((section) => section.scrollIntoView());
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

test("a finance user states what an outcome is worth, sees the ROI and prints the value report", async ({ page }) => {
  await signIn(page, "finance@globex.example");
  await stateOutcomeValue(page, "8.00");

  const value = page.getByRole("region", { name: "Value delivered", exact: true });
  await expect(value.getByTestId("value-current")).toHaveText(/^\$[\d,]+\.\d{2}$/);
  await expect(value.getByTestId("value-current")).not.toHaveText("$0.00");
  await expect(value.getByTestId("roi-current")).toHaveText(/^-?[\d,]+\.\d%$/);
  await expect(
    value.getByRole("table", { name: "Value delivered and charged, last six periods" }).locator("tbody tr"),
  ).toHaveCount(7);

  await value.getByRole("link", { name: "Value report" }).click();
  await expect(page).toHaveURL("/dashboard/value-report");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Value report — Globex Corporation");
  await expect(page.getByTestId("value-summary")).toContainText("by its own valuation: a return on spend of");
  await expect(page.getByTestId("value-total-roi")).toHaveText(/^-?[\d,]+\.\d%$/);

  // On paper the report stands alone: no navigation, no header, no buttons.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print report" })).toBeHidden();
  await expect(page.getByRole("table", { name: /ROI per period/ })).toBeVisible();
});

test("a viewer reads the outcome values but cannot change them", async ({ page }) => {
  await signIn(page, "viewer@globex.example");
  await page.goto("/dashboard");
  const values = page.getByRole("region", { name: "What an outcome is worth to you" });
  await expect(values).toContainText("Your finance users state what one outcome is worth");
  await expect(values.getByRole("textbox")).toHaveCount(0);
  await expect(values.getByRole("button")).toHaveCount(0);
});

test("a finance user adds a spend alert and removes it", async ({ page }) => {
  await signIn(page, "finance@initech.example");
  await page.goto("/dashboard");
  await expect(page.getByRole("button", { name: /^Notifications/ })).toBeVisible();
  const alerts = page.getByRole("region", { name: "Spend alerts" });
  await alerts.getByLabel("Notify when").selectOption("forecast_above");
  await alerts.getByLabel(/^Threshold/).fill("123456");
  await alerts.getByRole("button", { name: "Add alert" }).click();
  const alert = alerts.getByRole("listitem").filter({ hasText: "Forecast to month end above $123,456.00" });
  await expect(alert).toBeVisible();
  await alert.getByRole("button", { name: /^Delete/ }).click();
  await expect(alert).toHaveCount(0);
});
