// PRODUCT.md step 7: an upheld dispute found a gap in "Not reopened within 72 hours"; the admin
// drafts version 3 of ticket_resolved from that insight, previews its impact, and publishes it
// with the dispute linked. An event ingested afterwards is evaluated under version 3, and
// Globex's finance user reads version 3's rule from that outcome, and "addressed in version 3"
// on the dispute.
import { randomUUID } from "node:crypto";
import { clock } from "../src/server/clock";
import { seriousViolations } from "./support/accessibility";
import { signIn } from "./support/sign-in";
import { expect, newPinnedContext, test } from "./support/test";

test("from a dispute insight an admin drafts, previews and publishes v3 of ticket_resolved; the customer reads v3 on a new outcome", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const admin = await (await newPinnedContext(browser)).newPage();
  await signIn(admin, "admin@acme-support.ai");
  await admin.goto("/definitions");
  await admin.getByRole("link", { name: "Ticket resolved" }).click();

  const gap = admin.getByRole("listitem", { name: "Definition gap: Not reopened within 72 hours" });
  await expect(gap).toContainText(/\d+ upheld outcomes? with the root cause/);
  const disputeLink = gap.getByRole("list", { name: "Disputes" }).getByRole("link").first();
  const disputeNumber = (await disputeLink.textContent())!.trim();
  const disputeId = (await disputeLink.getAttribute("href"))!.replace("/review/", "");
  await gap.getByRole("button", { name: "Draft a fix" }).click();

  // The draft opens on the criterion the insight is about.
  const criterion = admin.getByRole("group", { name: /^Criterion 3/ });
  await expect(criterion).toContainText("from the dispute insights");
  await expect(criterion.getByLabel("Attribute", { exact: true })).toBeFocused();
  await expect(criterion.getByLabel("Attribute", { exact: true })).toHaveValue("reopened");
  await criterion.getByLabel("Label customers read").fill("Not reopened within 7 days");
  await admin.getByLabel("Observation window (hours)").fill("168");
  const preview = admin.getByTestId("draft-preview");
  await expect(preview).toContainText("Not reopened within 7 days — reopened is false");
  await expect(preview).toContainText("168 hours (7 days)");
  await admin.getByRole("button", { name: "Save draft version 3" }).click();
  await expect(admin.getByText("All changes saved.")).toBeVisible();
  expect(await seriousViolations(admin)).toEqual([]);

  await admin.getByRole("radio", { name: "30 days" }).check();
  await admin.getByRole("button", { name: "Preview the impact" }).click();
  const impact = admin.getByTestId("impact-result");
  await expect(impact).toContainText(/attempts from .* re-evaluated under version 2 \(in force\) and draft version 3/);
  await expect(impact.getByText("Upheld disputes it would have prevented")).toBeVisible();

  const publish = admin.getByRole("form", { name: "Publish version 3" });
  await publish
    .getByLabel("Change note (required)")
    .fill("Reopens are watched for 7 days: a ticket reopened on day four is not resolved.");
  await publish.getByRole("checkbox", { name: new RegExp(`^${disputeNumber} `) }).check();
  await publish.getByRole("button", { name: "Publish version 3…" }).click();
  await publish.getByRole("button", { name: "Yes, publish version 3" }).click();
  const v3 = admin.getByTestId("version-3");
  await expect(v3).toContainText("Published");
  await expect(v3).toContainText("(in force)");
  await expect(
    admin
      .getByRole("listitem", { name: "Definition gap: Not reopened within 72 hours" })
      .getByRole("list", { name: "Disputes" }),
  ).toContainText(`${disputeNumber} · addressed in version 3`);

  // An event ingested after publishing is evaluated under version 3.
  await admin.goto("/settings");
  await admin.getByLabel("Key name").fill(`Definitions e2e ${randomUUID().slice(0, 8)}`);
  await admin.getByRole("button", { name: "Create key" }).click();
  const key = await admin.getByLabel("New API key").inputValue();
  const subject = `ticket-${randomUUID().slice(0, 8)}`;
  const ingested = await admin.request.post("/api/v1/events", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      events: [
        {
          id: `evt-${randomUUID()}`,
          customer: "globex",
          definition: "ticket_resolved",
          subject,
          occurredAt: clock.now().toISOString(),
          attributes: { closedBy: "ai", humanReplied: false, resolutionConfirmed: true },
        },
      ],
    },
  });
  expect(ingested.status(), await ingested.text()).toBe(200);
  const [result] = (await ingested.json()).results;
  expect(result.status).toBe("accepted");

  const finance = await (await newPinnedContext(browser)).newPage();
  await signIn(finance, "finance@globex.example");
  await finance.goto(`/outcomes/${result.attemptId}`);
  const evaluation = finance.getByRole("region", { name: "Evaluation" });
  await expect(evaluation).toContainText("Evaluated under Ticket resolved version 3");
  await evaluation.getByRole("link", { name: "Read the rule of version 3" }).click();
  await expect(finance.getByRole("heading", { name: "Ticket resolved, version 3" })).toBeVisible();
  const rule = finance.getByTestId("rule-text");
  await expect(rule).toContainText("Not reopened within 7 days — reopened is false");
  await expect(rule).toContainText("Outcomes stay pending for 168 hours (7 days)");
  expect(await seriousViolations(finance)).toEqual([]);

  await finance.goto(`/disputes/${disputeId}`);
  await finance.getByRole("link", { name: "Addressed in version 3" }).click();
  await expect(finance.getByRole("heading", { name: "Ticket resolved, version 3" })).toBeVisible();
});
