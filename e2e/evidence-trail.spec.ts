// The evidence trail tells the truth about time: each event says when it happened and when it
// was received, only an event received after the observation window closed is marked late
// (saying whether it counted), and the header's event count is the trail's.
import { demoHistory, demoLateMessages } from "../prisma/seed/demo-attempts";
import { demoEffectiveDates } from "../prisma/seed/demo-definitions";
import { clock } from "../src/server/clock";
import { signIn } from "./support/sign-in";
import { expect, type Page, test } from "./support/test";

const SHOTS = process.env.E2E_SCREENSHOTS;

async function openOutcome(page: Page, subject: string) {
  await page.goto(`/outcomes?q=${encodeURIComponent(subject)}`);
  await page.getByRole("table").getByRole("link", { name: subject }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
}

/** The header's "N events…" and the trail's event cards, read from the page. */
async function countsOf(page: Page) {
  const header = await page.locator("main header p").first().textContent();
  const stated = Number(/(\d+) events?/.exec(header ?? "")?.[1]);
  return { header: header ?? "", stated, shown: await page.getByTestId("evidence-event").count() };
}

test("an on-time outcome's events are not marked late, and the header counts what the trail shows", async ({
  page,
}) => {
  await signIn(page, "finance@globex.example");
  await page.goto("/outcomes?status=billable");
  await page.getByRole("table").locator('a[href^="/outcomes/"]').first().click();
  const events = page.getByTestId("evidence-event");
  await expect(events.first()).toBeVisible();
  const { stated, shown } = await countsOf(page);
  expect(stated).toBe(shown);
  await expect(page.getByText("received after the observation window closed")).toHaveCount(0);
  for (const event of await events.all()) {
    await expect(event).toContainText(/Happened.+received.+\((\d+ s|\d+ min) later\)/);
    // In Globex's own time zone (New York), named, as on its invoices: not the server's UTC.
    await expect(event).toContainText(/Happened \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T/);
  }
  await expect(page.locator("main")).not.toContainText(/ UTC/);
});

test("a message received after the status was final is marked late and said not to have changed it", async ({
  page,
}) => {
  const history = demoHistory(clock.now());
  const late = demoLateMessages(history, demoEffectiveDates(history.from, history.now).v2).find(
    (m) => m.customer === "globex",
  );
  if (!late) throw new Error("The demo seed has no late message for Globex.");
  await signIn(page, "finance@globex.example");
  await openOutcome(page, late.subject);

  const { header, stated, shown } = await countsOf(page);
  expect(stated).toBe(shown);
  expect(header).toContain("1 received after the observation window closed");
  await expect(page.getByText(/^Observation window closed .+: the result is final\.$/)).toBeVisible();
  const tagged = page.getByTestId("evidence-event").filter({ hasText: "received after the observation window closed" });
  await expect(tagged).toHaveCount(1);
  await expect(tagged).toContainText("kept as evidence, did not change the final status");
  await expect(tagged).toContainText("Customer wrote again after the ticket was closed");

  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await tagged.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/outcome-late-${width}.png`, fullPage: true });
  }
});
