// The loop of PRODUCT.md steps 5 and 6 with two people at once: Initech's finance user disputes
// three outcomes of the open month; a reviewer accepts one, grants 50 % on one and rejects one;
// finance sees each decision and the draft invoice's dispute credits move by exactly the credit
// (Initech pays 2.00 USD per resolved ticket, so 2.00 + 1.00 + 0.00).

import { clock } from "../src/server/clock";
import { signIn } from "./support/sign-in";
import { type APIRequestContext, expect, newPinnedContext, type Page, test } from "./support/test";

const currentPeriod = () => clock.now().toISOString().slice(0, 7);

async function trpcQuery<T>(request: APIRequestContext, path: string, input: unknown): Promise<T> {
  const response = await request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data.json as T;
}

/** Three of the month's billable ticket outcomes that no other dispute holds (the demo has some). */
async function threeDisputableOutcomes(page: Page): Promise<string[]> {
  const { attempts } = await trpcQuery<{ attempts: { id: string; subject: string }[] }>(page.request, "outcomes.list", {
    status: "billable",
    definition: "ticket_resolved",
    period: currentPeriod(),
    sort: "newest",
    limit: 40,
  });
  const subjects: string[] = [];
  for (const attempt of attempts) {
    const preview = await trpcQuery<{ eligibleCount: number }>(page.request, "disputes.preview", {
      scope: { kind: "outcomes", attemptIds: [attempt.id] },
    });
    if (preview.eligibleCount === 1) subjects.push(attempt.subject);
    if (subjects.length === 3) return subjects;
  }
  throw new Error("Fewer than three of Initech's newest ticket outcomes can be disputed.");
}

/** The draft's "Dispute credits" line in cents (0 when there is none yet). */
async function disputeCreditsCents(page: Page): Promise<number> {
  await page.goto("/invoices");
  await page.getByRole("table").getByRole("link").first().click();
  const lines = page.getByRole("table", { name: /^Lines of Draft invoice/ });
  await expect(lines).toBeVisible();
  const row = lines.getByRole("row").filter({ hasText: "Dispute credits" });
  if ((await row.count()) === 0) return 0;
  const amount = (await row.getByRole("cell").last().textContent()) ?? "";
  return Math.round(Number(amount.replace("\u2212", "-").replace(/[^\d.-]/g, "")) * 100);
}

test("finance disputes three outcomes, a reviewer accepts one, credits 50 % on one and rejects one, and the bill moves by exactly the credits", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const financeContext = await newPinnedContext(browser);
  const finance = await financeContext.newPage();
  await signIn(finance, "finance@initech.example");
  const creditsBefore = await disputeCreditsCents(finance);
  const [accepted, halved, rejected] = await threeDisputableOutcomes(finance);

  await finance.goto(`/outcomes?status=billable&definition=ticket_resolved&period=${currentPeriod()}`);
  const table = finance.getByRole("table", { name: /Outcomes of Initech/ });
  for (const subject of [accepted!, halved!, rejected!]) {
    await table.getByRole("checkbox", { name: `Select ${subject}` }).check();
  }
  await finance.getByRole("button", { name: "Dispute 3 selected" }).click();
  const dialog = finance.getByRole("dialog", { name: /Dispute 3 selected outcomes/ });
  await expect(dialog.getByRole("status")).toHaveText("3 outcomes, $6.00 at stake.");
  await dialog.getByLabel("Reason").selectOption({ label: "Not actually resolved" });
  await dialog
    .getByLabel("Message to the reviewer")
    .fill("Our agents had to follow up on all three tickets; please check the transcripts.");
  await dialog.getByRole("button", { name: "Open the dispute" }).click();
  await expect(finance).toHaveURL(/\/disputes\/[0-9a-f-]{36}$/);
  const disputeId = finance.url().split("/").at(-1)!;
  const number = ((await finance.getByRole("heading", { level: 1 }).textContent()) ?? "").replace("Dispute ", "");

  const reviewerContext = await newPinnedContext(browser);
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, "reviewer@acme-support.ai");
  await reviewer.goto(`/review/${disputeId}`);
  await expect(reviewer.getByRole("heading", { level: 1, name: `Dispute ${number}` })).toBeVisible();
  await expect(reviewer.getByText("Our agents had to follow up on all three tickets")).toBeVisible();

  // The disputed outcomes are this month's (the e2e clock is pinned to the 15th): its draft.
  const draftLabel = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(process.env.OUTCOME_LEDGER_NOW!),
  );
  const decide = async (
    subject: string,
    kind: "Accept (full credit)" | "Partial credit" | "Reject",
    rootCause: string,
    rationale: string,
    /** The button says what the decision will do and credit, figured by the server. */
    button: string,
    result: string,
    percent?: string,
  ) => {
    const checkbox = reviewer.getByRole("checkbox", { name: `Select ${subject}` });
    await checkbox.check();
    await reviewer.getByRole("radio", { name: kind }).check();
    if (percent) await reviewer.getByLabel("Percentage of the disputed charge to credit").fill(percent);
    await reviewer.getByLabel("Rationale").fill(rationale);
    await reviewer.getByLabel("Root cause").selectOption({ label: rootCause });
    await reviewer.getByRole("button", { name: button }).click();
    await expect(reviewer.getByTestId("decision-result")).toContainText(result);
    await expect(reviewer.getByRole("checkbox", { name: `Select ${subject}` })).toHaveCount(0);
  };
  await decide(
    accepted!,
    "Accept (full credit)",
    "Detection error",
    "The customer reopened the ticket the same afternoon.",
    `Accept 1 outcome: credits $2.00 on the ${draftLabel} draft`,
    "Accepted (full credit): 1 outcome",
  );
  await decide(
    halved!,
    "Partial credit",
    "Attribution (a human did the work)",
    "An agent wrote half of the final answer.",
    `Credit 50 % of 1 outcome: credits $1.00 on the ${draftLabel} draft`,
    "Partially accepted (50 %): 1 outcome",
    "50",
  );
  await decide(
    rejected!,
    "Reject",
    "No fault found",
    "The customer confirmed the fix in the thread.",
    "Reject 1 outcome: no credit",
    "Rejected: 1 outcome",
  );
  await expect(reviewer.getByRole("region", { name: "Decisions (3)" })).toBeVisible();
  await reviewerContext.close();

  // Finance sees every decision and credit, and the draft moves by exactly 3.00.
  await finance.reload();
  await expect(finance.getByText(/Resolved/).first()).toBeVisible();
  const decisions = finance.getByRole("region", { name: /^Decisions/ });
  await expect(decisions).toContainText("The customer reopened the ticket the same afternoon.");
  await expect(decisions).toContainText("An agent wrote half of the final answer.");
  await expect(decisions).toContainText("The customer confirmed the fix in the thread.");
  await expect(decisions).toContainText("$2.00");
  await expect(decisions).toContainText("$1.00");
  const outcomes = finance.getByRole("table", { name: `Outcomes in ${number}, oldest first` });
  // Columns: outcome, definition, state, disputed share, at stake, credit, invoice.
  const creditOf = (subject: string) => outcomes.getByRole("row").filter({ hasText: subject }).getByRole("cell").nth(5);
  await expect(creditOf(accepted!)).toHaveText(/\$2\.00/);
  await expect(creditOf(halved!)).toHaveText(/\$1\.00/);
  await expect(creditOf(rejected!)).toHaveText(/—|\$0\.00/);
  expect(await disputeCreditsCents(finance)).toBe(creditsBefore - 300);
  await financeContext.close();
});
