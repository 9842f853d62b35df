// The customer's side of a dispute: a finance user disputes two outcomes of the current draft
// from the explorer and lands on the dispute; a viewer of the same company reads it but has
// no control that would change it.

import { clock } from "../src/server/clock";
import { seriousViolations } from "./support/accessibility";
import { signIn } from "./support/sign-in";
import { expect, newPinnedContext, test } from "./support/test";

const currentPeriod = () => clock.now().toISOString().slice(0, 7);

test("finance disputes two outcomes from the explorer; a viewer reads the dispute without controls", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "finance@globex.example");
  await page.goto(`/outcomes?status=billable&period=${currentPeriod()}`);
  const table = page.getByRole("table", { name: /Outcomes of Globex/ });
  // The list streams in after its loading state: wait for two outcome rows before reading them.
  await expect(table.locator("tbody tr").nth(1)).toBeVisible();
  const subjects = (await table.getByRole("row").locator("td:nth-child(3)").allTextContents()).slice(0, 2);
  expect(subjects).toHaveLength(2);
  for (const subject of subjects) await table.getByRole("checkbox", { name: `Select ${subject}` }).check();

  await page.getByRole("button", { name: "Dispute 2 selected" }).click();
  const dialog = page.getByRole("dialog", { name: /Dispute 2 selected outcomes/ });
  await expect(dialog.getByRole("status")).toHaveText(/^2 outcomes, \$[\d,]+\.\d{2} at stake\.$/);
  expect(await seriousViolations(page)).toEqual([]);

  // The server checks the claim; its messages stand beside the fields.
  await dialog.getByRole("button", { name: "Open the dispute" }).click();
  await expect(dialog.getByText("Choose the reason that fits best.")).toBeVisible();
  await dialog.getByLabel("Reason").selectOption({ label: "A human did the work" });
  await dialog
    .getByLabel("Message to the reviewer")
    .fill("Both conversations were handed to our own agents, who resolved them.");
  await dialog.getByLabel("Supporting links").fill("not a link");
  await dialog.getByRole("button", { name: "Open the dispute" }).click();
  await expect(dialog.getByText(/^Line 1: Each link is a full web address/)).toBeVisible();
  await dialog.getByLabel("Supporting links").fill("https://helpdesk.globex.example/tickets/4711");
  await dialog.getByRole("button", { name: "Open the dispute" }).click();

  await expect(page).toHaveURL(/\/disputes\/[0-9a-f-]{36}$/);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^Dispute DSP-\d{4}-\d{6}$/);
  const number = (await heading.textContent())!.replace("Dispute ", "");
  const outcomes = page.getByRole("table", { name: `Outcomes in ${number}, oldest first` });
  await expect(outcomes.locator("tbody tr")).toHaveCount(2);
  for (const subject of subjects) await expect(outcomes.getByRole("link", { name: subject })).toBeVisible();
  await expect(page.getByRole("region", { name: "Claim" })).toContainText("A human did the work");
  await expect(page.getByRole("button", { name: "Withdraw" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Reply in the thread" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const disputeUrl = page.url();

  // The same outcomes cannot go into a second open dispute: the preview says so.
  await page.goto(`/outcomes?status=billable&period=${currentPeriod()}`);
  await table.getByRole("checkbox", { name: `Select ${subjects[0]}` }).check();
  await page.getByRole("button", { name: "Dispute 1 selected" }).click();
  await expect(page.getByRole("dialog")).toContainText("already in an open dispute");
  await expect(page.getByRole("dialog")).toContainText(number);

  await page.getByRole("dialog").getByRole("button", { name: "Close" }).click();

  // A draft's line of outcomes is disputed as a whole; the dialog says what that covers first.
  await page.goto("/invoices");
  await page.getByRole("table").getByRole("link").first().click();
  await page
    .getByRole("link", { name: /^Ticket resolved: resolved conversations/ })
    .first()
    .click();
  await page.getByRole("button", { name: "Dispute this line's outcomes" }).click();
  await expect(page.getByRole("dialog").getByRole("status")).toHaveText(
    /^[\d,]+ outcomes?, \$[\d,]+\.\d{2} at stake\.$/,
  );
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  const viewerContext = await newPinnedContext(browser);
  const viewer = await viewerContext.newPage();
  await signIn(viewer, "viewer@globex.example");
  await viewer.goto("/disputes");
  await viewer.getByRole("link", { name: number }).click();
  await expect(viewer).toHaveURL(disputeUrl);
  await expect(
    viewer.getByRole("table", { name: `Outcomes in ${number}, oldest first` }).locator("tbody tr"),
  ).toHaveCount(2);
  await expect(viewer.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
  await expect(viewer.getByRole("form", { name: "Reply in the thread" })).toHaveCount(0);
  await viewer.getByRole("link", { name: subjects[0] }).click();
  await expect(viewer.getByRole("region", { name: "Disputes" })).toContainText(number);
  await expect(viewer.getByText("Only your finance users can dispute.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: /^Dispute/ })).toHaveCount(0);
  await viewer.goto("/outcomes?status=billable");
  await expect(viewer.getByRole("table", { name: /Outcomes of Globex/ })).toBeVisible();
  await expect(viewer.getByRole("button", { name: /^Dispute/ })).toHaveCount(0);
  await viewerContext.close();
});
