import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./support/sign-in";
import { type APIRequestContext, expect, newPinnedContext, type Page, test } from "./support/test";

/** A tRPC query over HTTP, the way the app's client sends one without batching (superjson envelope). */
async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data.json as T;
}

async function trpcMutation(request: APIRequestContext, path: string, input: unknown) {
  const response = await request.post(`/api/trpc/${path}`, { data: { json: input } });
  return { ok: response.ok(), body: await response.json() };
}

/** The ids of serious or critical WCAG 2.1 AA violations on the page as it is now. */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * Globex's finance user disputes a few of its newest billable outcomes through the same procedure
 * the customer pages call. Outcomes another dispute already holds are left out (onlyEligible);
 * if none of a handful is eligible the next handful is tried.
 */
async function openDisputeAsFinance(page: Page): Promise<string> {
  await signIn(page, "finance@globex.example");
  const { attempts } = await trpcQuery<{ attempts: { id: string }[] }>(page.request, "outcomes.list", {
    status: "billable",
    sort: "newest",
    limit: 60,
  });
  for (let i = 0; i < attempts.length; i += 3) {
    const { ok, body } = await trpcMutation(page.request, "disputes.open", {
      reason: "not_resolved",
      message: "The customer wrote back the next day: the problem was not solved.",
      scope: { kind: "outcomes", attemptIds: attempts.slice(i, i + 3).map((a) => a.id) },
      onlyEligible: true,
    });
    if (ok) return body.result.data.json.number as string;
  }
  throw new Error("None of Globex's newest billable outcomes could be disputed.");
}

test("a reviewer assigns a new dispute to themself from the queue and accepts an outcome with a credit", async ({
  browser,
  page,
}) => {
  const financeContext = await newPinnedContext(browser);
  const number = await openDisputeAsFinance(await financeContext.newPage());
  await financeContext.close();

  await signIn(page, "reviewer@acme-support.ai");
  await page.goto("/review?sort=newest");
  await expect(page.getByText(/Keyboard: j\/k/)).toBeVisible();
  // The navigation's counters load in the browser: once they show, the page answers to keys.
  await expect(page.getByTestId("review-queue-counter")).toContainText(/\d+ open disputes?, \d+ assigned to you/);

  const ours = page.getByRole("link", { name: number, exact: true });
  await expect(ours).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  for (let i = 0; i < 50 && !(await ours.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("j");
  }
  await expect(ours).toBeFocused();
  await page.keyboard.press("a");
  await expect(page.getByTestId("queue-notice")).toHaveText(`${number} is now assigned to you.`);
  const row = page.getByTestId("queue-row").filter({ has: ours });
  await expect(row.getByRole("cell").nth(7)).toHaveText("You");

  await ours.focus();
  await page.keyboard.press("o");
  await expect(page.getByRole("heading", { level: 1, name: `Dispute ${number}` })).toBeVisible();
  await expect(page.getByTestId("dispute-assignee")).toContainText("Assigned to you");
  await expect(page.getByText("The customer wrote back the next day")).toBeVisible();

  const first = page.getByTestId("disputed-outcome").first();
  await expect(first).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Evidence for / })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Evaluation trace" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("a");
  const rationale = page.getByLabel("Rationale");
  await expect(rationale).toBeFocused();
  await expect(page.getByLabel("Accept (full credit)")).toBeChecked();
  await expect(first.getByRole("checkbox")).toBeChecked();
  await rationale.fill("The transcript shows the customer reopened the ticket; the AI did not resolve it.");
  await page.getByLabel("Root cause").selectOption({ label: "Detection error" });
  await page
    .getByRole("button", { name: /^Accept 1 outcome: credits \$\d[\d,]*\.\d{2} on the \w+ \d{4} draft$/ })
    .click();

  const result = page.getByTestId("decision-result");
  await expect(result).toContainText(/Accepted \(full credit\): 1 outcome\. Credit \$\d[\d,]*\.\d{2}\./);
  await expect(page.getByRole("region", { name: "Decisions (1)" })).toContainText("Detection error");
});
