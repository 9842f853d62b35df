// The end-to-end tests' `test`: every browser context reads the same pinned clock as the app
// under test (playwright.config.ts pins OUTCOME_LEDGER_NOW for both), so a page that builds
// "now" in the browser (publish now, this period's contract) agrees with the server.
import { type Browser, type BrowserContext, test as base } from "@playwright/test";
import { clock } from "../../src/server/clock";

export { type APIRequestContext, expect, type Page } from "@playwright/test";

async function pinBrowserClock(context: BrowserContext): Promise<BrowserContext> {
  // Installed before any page opens; the fake clock then runs at the real rate.
  await context.clock.install({ time: clock.now() });
  return context;
}

/** A second person's browser (another context) on the same pinned clock. */
export async function newPinnedContext(browser: Browser): Promise<BrowserContext> {
  return pinBrowserClock(await browser.newContext());
}

export const test = base.extend({
  context: async ({ context }, use) => {
    await use(await pinBrowserClock(context));
  },
});
