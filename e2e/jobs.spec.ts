// An admin opens the Jobs page, sees every job with its last run, and runs one by hand (the
// same button retries a failed run); the run appears among the job's recent runs and in the
// audit log. Reviewers and customers are refused the page and have no link to it.
import { seriousViolations } from "./support/accessibility";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

const JOB = "Forget stale sign-in counts";

test("an admin runs a job by hand from the Jobs page, at 1440 and 390 px", async ({ page }) => {
  await signIn(page, "admin@acme-support.ai");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  const jobs = page.getByRole("table", { name: "Jobs and their last run" });
  for (const label of ["Close observation windows", "Finalize invoices", "Deliver webhooks", JOB]) {
    await expect(jobs.getByRole("row").filter({ hasText: label })).toBeVisible();
  }

  expect(await seriousViolations(page)).toEqual([]);

  await jobs.getByRole("button", { name: `Run now: ${JOB}` }).click();
  await expect(jobs.getByRole("row").filter({ hasText: JOB }).getByText("Queued")).toBeVisible();

  // The queue runs it within moments; the page lists it as a run by hand that succeeded.
  await expect(async () => {
    await page.reload();
    await page.locator("summary", { hasText: `${JOB} (` }).click();
    await expect(
      page
        .getByRole("table", { name: `Recent runs of ${JOB}, newest first` })
        .getByRole("row")
        .filter({ hasText: "By hand" })
        .first(),
    ).toContainText("Succeeded", { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });

  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`jobs-${width}.png`), fullPage: true });
  }

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/audit?action=job.run_requested");
  await expect(page.getByRole("table", { name: "Audit log entries, newest first" })).toContainText("job.run_requested");
});

for (const { role, email } of [
  { role: "reviewer", email: "reviewer@acme-support.ai" },
  { role: "customer finance", email: "finance@globex.example" },
]) {
  test(`a ${role} has no Jobs page`, async ({ page }) => {
    await signIn(page, email);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" })).toHaveCount(0);
    await page.goto("/jobs");
    await expect(page.getByRole("table", { name: "Jobs and their last run" })).toHaveCount(0);
    await expect(page.getByText("If you think you should see it, ask your administrator")).toBeVisible();
  });
}
