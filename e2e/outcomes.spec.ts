import { readFile } from "node:fs/promises";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

const CSV_HEADER =
  "attempt_id,occurred_at,subject,definition,version,status,events,cost,cost_currency,charged,outcome_price,attempt_fee,charge_currency,tier,rank_in_month,billable_in_month,credited";

test("a finance user filters outcomes by status, shares the URL and downloads the set as CSV", async ({ page }) => {
  await signIn(page, "finance@globex.example");
  await page.goto("/outcomes");
  const table = page.getByRole("table", { name: /Outcomes of Globex/ });
  await expect(table).toBeVisible();

  await page.getByLabel("Status").selectOption("billable");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]status=billable(&|$)/);
  const statuses = table.getByRole("row").locator("td:nth-child(5)");
  await expect(statuses.first()).toHaveText("Billable");
  expect(new Set(await statuses.allTextContents())).toEqual(new Set(["Billable"]));
  const subjects = await table.getByRole("row").locator("td:nth-child(3)").allTextContents();

  // The link alone reproduces the view: the same rows, the filter still chosen.
  await page.reload();
  await expect(page.getByLabel("Status")).toHaveValue("billable");
  expect(await table.getByRole("row").locator("td:nth-child(3)").allTextContents()).toEqual(subjects);
  const link = page.url();
  const fresh = await page.context().newPage();
  await fresh.goto(link);
  expect(await fresh.getByRole("table").getByRole("row").locator("td:nth-child(3)").allTextContents()).toEqual(
    subjects,
  );
  await fresh.close();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export all matching to CSV" }).click(),
  ]);
  const lines = (await readFile((await download.path())!, "utf8")).trim().split("\n");
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.slice(1).every((l) => l.split(",")[5] === "billable")).toBe(true);
  expect(lines.slice(1, subjects.length + 1).map((l) => l.split(",")[2])).toEqual(subjects);

  // Selecting rows exports exactly those.
  await table.getByRole("checkbox", { name: `Select ${subjects[0]}` }).check();
  await table.getByRole("checkbox", { name: `Select ${subjects[1]}` }).check();
  const [selected] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export selected to CSV" }).click(),
  ]);
  const picked = (await readFile((await selected.path())!, "utf8")).trim().split("\n");
  expect(picked[0]).toBe(CSV_HEADER);
  expect(picked.slice(1).map((l) => l.split(",")[2])).toEqual(subjects.slice(0, 2));
});

test("a filter nothing matches says so and offers to clear the filters", async ({ page }) => {
  await signIn(page, "finance@globex.example");
  await page.goto("/outcomes?q=no-such-subject-prefix");
  await expect(page.getByRole("heading", { name: "No outcomes match these filters" })).toBeVisible();
  await page.getByRole("link", { name: "clear the filters" }).click();
  await expect(page).toHaveURL(/\/outcomes$/);
  await expect(page.getByRole("table", { name: /Outcomes of Globex/ })).toBeVisible();
});
