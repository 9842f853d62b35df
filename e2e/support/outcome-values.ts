import { expect, type Page } from "@playwright/test";

/** On the dashboard: a finance user states what one outcome (of the first definition) is worth. */
export async function stateOutcomeValue(page: Page, value: string) {
  await page.goto("/dashboard");
  const values = page.getByRole("region", { name: "What an outcome is worth to you" });
  await values.getByRole("textbox").first().fill(value);
  await values
    .getByRole("button", { name: /^Save value of / })
    .first()
    .click();
  await expect(values.getByText("Saved.")).toBeVisible();
  return values;
}
