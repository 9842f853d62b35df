// The review queue for a team (issue #17 §1): a reviewer bulk-decides three disputes from the
// queue; the decision form's button says what it will do and credit; staff see no customer
// switcher or Billing menu on the queue; the queue fits 1440 and 390 px without sideways scroll.
import { signIn } from "./support/sign-in";
import { type APIRequestContext, expect, newPinnedContext, type Page, test } from "./support/test";

async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data.json as T;
}

/** Initech's finance user opens `count` disputes of one outcome each, through the customer's own procedure. */
async function openDisputes(page: Page, count: number, message: string): Promise<{ id: string; number: string }[]> {
  await signIn(page, "finance@initech.example");
  const { attempts } = await trpcQuery<{ attempts: { id: string }[] }>(page.request, "outcomes.list", {
    status: "billable",
    sort: "newest",
    limit: 100,
  });
  const opened: { id: string; number: string }[] = [];
  for (const attempt of attempts) {
    if (opened.length === count) break;
    const response = await page.request.post("/api/trpc/disputes.open", {
      data: { json: { reason: "not_resolved", message, scope: { kind: "outcomes", attemptIds: [attempt.id] } } },
    });
    if (response.ok()) {
      const { disputeId, number } = (await response.json()).result.data.json;
      opened.push({ id: disputeId, number });
    }
  }
  expect(opened).toHaveLength(count);
  return opened;
}

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

test("a reviewer bulk-decides three disputes from the queue, and each is decided once", async ({ browser, page }) => {
  // A journey of two people: three disputes opened, then three decisions in one request.
  test.setTimeout(60_000);
  const financeContext = await newPinnedContext(browser);
  const disputes = await openDisputes(await financeContext.newPage(), 3, "Three tickets the customer had to reopen.");
  await financeContext.close();

  await signIn(page, "reviewer@acme-support.ai");
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto("/review?sort=newest");
  // Staff see neither the customer switcher nor the customer's Billing menu on the queue.
  await expect(page.getByLabel("Viewing customer")).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Invoices" })).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Review queue" }),
  ).toBeVisible();

  for (const d of disputes) await page.getByRole("checkbox", { name: `Select ${d.number}` }).check();
  await expect(page.getByRole("heading", { name: "3 disputes selected" })).toBeVisible();
  const bulk = page.getByRole("form", { name: "Decide the selected disputes" });
  // Every missing field is named at once.
  await bulk.getByRole("button", { name: "Decide: 3 disputes" }).click();
  await expect(bulk.getByText("Choose accept, partial or reject.")).toBeVisible();
  await expect(bulk.getByText(/Explain the decision to the customer/)).toBeVisible();
  await expect(bulk.getByText("Choose the root cause.")).toBeVisible();

  await bulk.getByRole("radio", { name: "Accept all" }).check();
  await bulk
    .getByLabel("Rationale (one for all)")
    .fill("Each of these tickets was reopened by the customer the next day.");
  await bulk.getByLabel("Root cause").selectOption({ label: "Detection error" });
  expect(await sideways(page)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath("bulk-decide-1440.png"), fullPage: true });
  await bulk.getByRole("button", { name: "Accept all: 3 disputes" }).click();
  await expect(page.getByTestId("bulk-report")).toHaveText("3 decided.");

  // Each one is resolved and names who decided it; it offers no assignment any more.
  await page.goto(`/review/${disputes[0]!.id}`);
  await expect(page.getByTestId("dispute-assignee")).toHaveText(/^Decided by /);
  await expect(page.getByRole("button", { name: /Assign to me/ })).toHaveCount(0);
  await expect(page.getByLabel("Viewing customer")).toHaveCount(0);
});

test("the decision form says what it will do and cost, and acts on the outcome shown", async ({ browser, page }) => {
  const financeContext = await newPinnedContext(browser);
  const [dispute] = await openDisputes(await financeContext.newPage(), 1, "This one was handled by our own agent.");
  await financeContext.close();

  await signIn(page, "reviewer@acme-support.ai");
  await page.goto(`/review/${dispute!.id}`);
  await expect(page.getByTestId("disputed-outcome").first()).toBeVisible();
  const form = page.getByRole("form", { name: "Decide the outcomes" });
  await expect(form.getByText(/^The outcome shown \(/)).toBeVisible();
  await form.getByRole("radio", { name: "Accept (full credit)" }).check();
  const submit = form.getByRole("button", {
    name: /^Accept 1 outcome: credits \$\d[\d,]*\.\d{2} on the \w+ \d{4} draft$/,
  });
  await expect(submit).toBeVisible();
  // Submitted with nothing selected and no rationale or root cause: both errors at once, not "selected (0)".
  await submit.click();
  await expect(form.getByText(/Explain the decision to the customer/)).toBeVisible();
  await expect(form.getByText("Choose the root cause.")).toBeVisible();

  await form.getByLabel("Rationale").fill("An agent wrote the reply that solved it; the AI only drafted it.");
  await form.getByLabel("Root cause").selectOption({ label: "Attribution (a human did the work)" });
  await page.getByLabel("Add an internal note").fill("Checked with the customer's account manager first.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("internal-notes")).toContainText("account manager");
  await page.screenshot({ path: test.info().outputPath("decision-form-1440.png"), fullPage: true });
  await submit.click();
  const result = page.getByTestId("decision-result");
  await expect(result).toContainText("Accepted (full credit): 1 outcome");
  await result.getByRole("link", { name: /draft$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Draft invoice for /);
});

test("the queue fits a phone: no sideways scroll at 390 px, with disputes selected", async ({ page }) => {
  await signIn(page, "admin@acme-support.ai");
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/review");
    await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
    const boxes = page.getByRole("checkbox", { name: /^Select DSP-/ });
    if ((await boxes.count()) > 0) await boxes.first().check();
    await page.waitForLoadState("networkidle");
    expect(await sideways(page), `sideways scroll at ${width} px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`queue-${width}.png`), fullPage: true });
  }
});
