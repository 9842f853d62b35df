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
    },
  },
});
