// End-to-end tests drive a real Chromium against the built app, started exactly as users
// start it (`npm start`) on a throwaway embedded database in a temporary DATA_DIR.
import { chmodSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutable } from "./e2e/support/browser";

const port = Number(process.env.E2E_PORT ?? 3100);
// The config is read by the runner and by each worker; the folder is made once and inherited.
if (!process.env.E2E_DATA_DIR) {
  process.env.E2E_DATA_DIR = mkdtempSync(path.join(tmpdir(), "outcome-ledger-e2e-"));
  chmodSync(process.env.E2E_DATA_DIR, 0o755); // the embedded cluster runs as `postgres` under root
}

// The app, the test runner and every browser context share one pinned clock, so the journeys
// (dispute this month's billable outcomes, finalize last month) hold on any day: by default
// the 15th of the current month at 12:00 UTC, when last month is finalized and this month's
// early outcomes are past their observation windows. Set OUTCOME_LEDGER_NOW to run at another instant.
if (!process.env.OUTCOME_LEDGER_NOW) {
  const today = new Date(); // the machine's date, once: only to choose the instant to pin
  process.env.OUTCOME_LEDGER_NOW = new Date(
    Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 15, 12),
  ).toISOString();
  process.env.OUTCOME_LEDGER_NOW_SINCE = today.toISOString();
}
process.env.OUTCOME_LEDGER_NOW_SINCE ??= new Date().toISOString();

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/support/global-teardown.ts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      PORT: String(port),
      DATA_DIR: process.env.E2E_DATA_DIR,
      DATABASE_URL: "", // always the throwaway embedded database, never the developer's own
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXTAUTH_SECRET: "",
      OUTCOME_LEDGER_NOW: process.env.OUTCOME_LEDGER_NOW,
      OUTCOME_LEDGER_NOW_SINCE: process.env.OUTCOME_LEDGER_NOW_SINCE,
      // `next start` runs with NODE_ENV=production, where the clock refuses a pin unless told
      // that this is the end-to-end harness.
      OUTCOME_LEDGER_TEST_CLOCK: "allow",
    },
  },
});
