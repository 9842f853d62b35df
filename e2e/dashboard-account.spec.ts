// The dashboard leads with what the customer owes and what is coming. Run at the default
// instant (the 15th) and with OUTCOME_LEDGER_NOW at the 1st 00:30 UTC or the 2nd, when last
// month is still a draft and this month's outcomes are pending.
import { periodLabel } from "../src/domain/invoicing/periods";
import { clock } from "../src/server/clock";
import { signIn } from "./support/sign-in";
import { expect, test } from "./support/test";

const SHOTS = process.env.E2E_SCREENSHOTS;

test("a finance user sees what is owed and what is coming before the month's figures", async ({ page }) => {
  const now = clock.now();
  const thisMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const startOfMonth = now.getUTCDate() <= 2;

  await signIn(page, "finance@globex.example");
  await page.goto("/dashboard");
  const account = page.getByRole("region", { name: "What you owe and what is coming" });
  await expect(account).toBeVisible();
  // It leads: the first card of the page.
  await expect(page.locator("main section").first()).toHaveAttribute("aria-label", "What you owe and what is coming");

  const owed = account.getByTestId("account-owed");
  await expect(owed).toContainText(
    /^Amount due\$[\d,]+\.\d{2}(Due|Overdue since) \w{3} \d{1,2}, \d{4} \(Net 30\) on invoice INV-/,
  );
  await expect(owed.getByRole("link", { name: /^INV-/ })).toBeVisible();

  const coming = account.getByTestId("account-coming");
  // Globex reads instants in New York time, as on its invoices: the draft's finalization is
  // the same instant, named with its zone, on both pages.
  await expect(coming.last()).toContainText(/finalizes on \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M E[SD]T\./);
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText(/as of .+ E[SD]T\./);
  if (startOfMonth) {
    // Last month is still a draft in its grace days; both months have outcomes in their windows.
    await expect(coming.first()).toContainText(`${periodLabel(lastMonth)}: draft invoice at $`);
    await expect(coming.first()).toContainText(/finalizes on \w{3} \d{1,2}, \d{4}/);
    await expect(account.getByTestId("account-pending").first()).toContainText(
      /\d+ outcomes? (is|are) pending(: pending outcomes of [\w ]+)?: not charged until .+ close \(between .+ and .+\), and then only if billable\./,
    );
    await expect(page.getByTestId("mtd-change")).toContainText(/^No comparison yet/);
  } else {
    await expect(coming).toHaveCount(1);
    await expect(coming).toContainText(`${periodLabel(thisMonth)}: draft invoice at $`);
    await expect(page.getByTestId("mtd-change")).toContainText(/compared with the same point last month/);
  }

  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await expect(account).toBeVisible();
    if (SHOTS) await account.screenshot({ path: `${SHOTS}/dashboard-account-${now.getUTCDate()}-${width}.png` });
  }
});
