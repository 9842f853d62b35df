import { readFile } from "node:fs/promises";
import { clock } from "../src/server/clock";
import { createCustomer } from "./support/customers";
import { signIn } from "./support/sign-in";
import { expect, type Page, test } from "./support/test";

/** "YYYY-MM" and "Month YYYY" of the month before now, in UTC: an ended period. */
function lastMonth() {
  const now = clock.now();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const label = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(start);
  return { value: start.toISOString().slice(0, 7), label };
}

// The demo's ended months are finalized by the scheduler at start, so the finalize journey needs
// a customer of its own whose ended month is still a draft: its contract gets grace days the
// scheduler has not reached yet.

async function downloadText(page: Page, link: string | RegExp) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  const body = await readFile((await download.path())!);
  return { filename: download.suggestedFilename(), body };
}

test("an admin sets up a contract, finalizes an ended draft, downloads it and credits it", async ({
  page,
  request,
}) => {
  test.slow(); // a whole journey: API key, customer, contract, finalization, downloads, credit note
  await signIn(page, "admin@acme-support.ai");
  const customer = await createCustomer(page, request, "Invoices");
  const month = lastMonth();

  await page.goto("/customers");
  await page.getByRole("link", { name: customer }).click();
  await expect(page.getByRole("heading", { level: 1, name: customer })).toBeVisible();
  await expect(page.getByText(`${customer} has no contract yet`)).toBeVisible();

  await page.getByLabel("Effective from (day)").fill(`${month.value}-01`);
  await page.getByLabel(/^Platform fee per month/).fill("250.00");
  await page.getByLabel("Grace days before finalizing").fill("60");
  await expect(page.getByText("Proposed total")).toBeVisible();
  await expect(page.getByText("Proposed total").locator("..")).toContainText("$250.00");
  // Saving without a change note is refused next to the field, in plain words.
  await page.getByRole("button", { name: "Create contract version" }).click();
  await expect(page.getByLabel("Change note")).toHaveAccessibleDescription("Say what this version changes and why.");
  await page.getByLabel("Change note").fill("Platform fee only while the integration is built.");
  await page.getByRole("button", { name: "Create contract version" }).click();
  await expect(page.getByText(`Version 1 created; it applies from ${month.label}.`)).toBeVisible();
  await expect(page.getByRole("region", { name: /^Contract in force: version 1/ })).toContainText("$250.00 a month");

  await page.goto("/invoices");
  await page.getByLabel("Viewing customer").selectOption({ label: customer });
  await expect(page.getByText(`Monthly invoices and credit notes for ${customer}.`)).toBeVisible();
  await page.getByRole("link", { name: month.label }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Draft invoice for ${month.label}`);
  await expect(page.getByText("Draft — updates as outcomes arrive; 0 outcomes still pending.")).toBeVisible();

  await page.getByRole("button", { name: "Finalize now" }).click();
  await expect(page.getByText("It gets the next invoice number and is frozen")).toBeVisible();
  await page.getByRole("button", { name: "Yes, finalize" }).click();
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/^INV-/);
  const number = (await heading.textContent())!;
  await expect(page.getByRole("button", { name: "Finalize now" })).toHaveCount(0);

  const pdf = await downloadText(page, /^Download PDF of/);
  expect(pdf.body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdf.filename).toContain(number);
  expect(pdf.body.toString("latin1")).toContain(number); // the document's title, kept uncompressed

  const csv = await downloadText(page, /^Download Lines CSV of/);
  expect(csv.filename).toContain(number);
  const rows = csv.body.toString("utf8").trim().split(/\r?\n/);
  expect(rows[0]).toBe("position,kind,description,quantity,unit_price,amount,currency,source_period");
  const lines = page.getByRole("table", { name: `Lines of ${number}` }).locator("tbody tr");
  await expect(lines).toHaveCount(rows.length - 1);
  expect(rows[1]).toContain("platform_fee");

  // A credit note cannot exceed what remains uncredited; the refusal says how much does.
  await page.getByRole("button", { name: "Issue credit note" }).click();
  await page.getByLabel("Amount").fill("300");
  await page.getByLabel("Reason").fill("Goodwill for the onboarding delay.");
  await page.getByRole("button", { name: "Issue credit note" }).click();
  const form = page.getByRole("form", { name: `Issue a credit note on ${number}` });
  await expect(form.getByRole("alert")).toHaveText(`Only $250.00 of ${number} remains uncredited.`);
  await expect(page.getByLabel("Amount")).toHaveAccessibleDescription("At most $250.00.");
  await page.getByLabel("Amount").fill("7.40");
  await page.getByRole("button", { name: "Issue credit note" }).click();
  const creditNotes = page.getByRole("region", { name: "Credit notes" });
  await expect(creditNotes).toContainText(/CN-/);
  await expect(creditNotes).toContainText("−$7.40");
  await expect(page.getByTestId("net-due")).toHaveText("$242.60");
});

test("a finance user drills from an invoice line down to the outcomes behind it", async ({ page }) => {
  await signIn(page, "finance@globex.example");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" }).click();
  const invoices = page.getByRole("table", { name: /^Invoices of Globex Corporation/ });
  await invoices.getByRole("row").filter({ hasText: "Finalized" }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^INV-/);

  // The smallest line with outcomes behind it: all of them fit on the first page, or it is full.
  const lines = page
    .getByRole("table", { name: /^Lines of INV-/ })
    .locator("tbody tr")
    .filter({ has: page.getByRole("link") });
  const quantities = await lines.evaluateAll((rows) =>
    rows.map((r) => Number(r.querySelectorAll("td")[1]?.textContent?.replace(/,/g, ""))),
  );
  // Adjustment lines (dispute credits, late items) have no quantity ("—"): they are amounts.
  const counted = quantities.filter((q) => Number.isFinite(q));
  expect(counted.length).toBeGreaterThan(0);
  const smallest = quantities.indexOf(Math.min(...counted));
  const quantity = quantities[smallest]!;
  const line = lines.nth(smallest).getByRole("link");
  const description = (await line.textContent())!;
  await line.click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(description);
  const outcomes = page.getByRole("table", { name: /^Outcomes behind/ }).locator("tbody tr");
  await expect(outcomes).toHaveCount(Math.min(quantity, 50));
  await expect(page.getByRole("link", { name: /^Next 50 outcomes/ })).toHaveCount(quantity > 50 ? 1 : 0);
  await expect(outcomes.first().getByRole("link")).toHaveAttribute("href", /^\/outcomes\/[0-9a-f-]{36}$/);
});

test("a viewer reads invoices without the admin's buttons", async ({ page }) => {
  await signIn(page, "viewer@globex.example");
  await page.goto("/invoices");
  const invoices = page.getByRole("table", { name: /^Invoices of Globex Corporation/ });
  for (const status of ["Finalized", "Draft"]) {
    await invoices.getByRole("row").filter({ hasText: status }).first().getByRole("link").click();
    await expect(page.getByRole("link", { name: /^Download PDF of/ })).toBeVisible();
    await expect(page.getByRole("region", { name: "Lines" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Finalize now" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Issue credit note" })).toHaveCount(0);
    await page.goBack();
  }
});
