// `npm run bench:lighthouse`: starts the app (production build, demo data, on a throwaway
// DATA_DIR), signs in as each role with Chromium, then runs Lighthouse (mobile, simulated
// throttling: its defaults) against each main page RUNS times and prints the median
// performance score and total blocking time per page. Target: score ≥ 90, TBT < 200 ms.
// Scores move with the machine's load: compare before and after in one sitting.
// Environment: RUNS (default 3), PAGES (comma-separated page names to run, default all),
// CHROMIUM_PATH (default: the e2e tests' choice, e.g. /usr/bin/chromium), REPORTS (a folder
// to keep each run's Lighthouse JSON in, to see what blocked).

import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { launch as launchChrome } from "chrome-launcher";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, chromiumExecutable } from "../e2e/support/browser";
import { DEMO_PASSWORD } from "../prisma/seed/demo-accounts";
import { freePort } from "../src/server/runtime/database-runtime";
import { type AppProcess, startAppWhenBuildFree } from "./bench/app-process";
import { percentileOf } from "./bench/throwaway-database";

const RUNS = Number(process.env.RUNS ?? 3);
const ONLY = process.env.PAGES?.split(",").map((p) => p.trim());
const TARGET = { score: 90, tbtMs: 200 };
const log = (line: string) => console.log(`[bench:lighthouse] ${line}`);

/** A page by path, or a detail page: the first link on `on` whose href starts with `linkPrefix`. */
type Page = { name: string; path: string } | { name: string; on: string; linkPrefix: string };

const ROLES: { email: string | null; pages: Page[] }[] = [
  { email: null, pages: [{ name: "sign-in", path: "/sign-in" }] },
  {
    email: "finance@globex.example",
    pages: [
      { name: "dashboard", path: "/dashboard" },
      { name: "outcomes", path: "/outcomes" },
      { name: "outcome", on: "/outcomes", linkPrefix: "/outcomes/" },
      { name: "invoices", path: "/invoices" },
      { name: "invoice", on: "/invoices", linkPrefix: "/invoices/" },
      { name: "disputes", path: "/disputes" },
      { name: "dispute", on: "/disputes", linkPrefix: "/disputes/" },
    ],
  },
  {
    email: "reviewer@acme-support.ai",
    pages: [
      { name: "review queue", path: "/review" },
      { name: "review page", on: "/review", linkPrefix: "/review/" },
      { name: "definitions", path: "/definitions" },
      { name: "definition", on: "/definitions", linkPrefix: "/definitions/" },
    ],
  },
  {
    email: "admin@acme-support.ai",
    pages: [
      { name: "settings", path: "/settings" },
      { name: "audit log", path: "/audit" },
    ],
  },
];

const chromePath = () => process.env.CHROMIUM_PATH ?? chromiumExecutable() ?? chromium.executablePath();

/** Signs in through the form and returns the session's Cookie header and the pages' paths. */
async function signIn(baseUrl: string, email: string | null, pages: Page[]) {
  const browser = await chromium.launch({ executablePath: chromePath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ baseURL: baseUrl });
    if (email) {
      await page.goto("/sign-in");
      await page.getByLabel("Work e-mail").fill(email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/sign-in", { timeout: 120_000 });
    }
    const paths: { name: string; path: string }[] = [];
    for (const p of pages) {
      if (ONLY && !ONLY.includes(p.name)) continue;
      if ("path" in p) {
        paths.push(p);
        continue;
      }
      await page.goto(p.on);
      const link = page.locator(`main a[href^="${p.linkPrefix}"]`).first();
      await link.waitFor();
      paths.push({ name: p.name, path: (await link.getAttribute("href")) ?? p.on });
    }
    const cookies = await page.context().cookies();
    return { cookie: cookies.map((c) => `${c.name}=${c.value}`).join("; "), paths };
  } finally {
    await browser.close();
  }
}

async function audit(url: string, cookie: string, reportName: string) {
  const chrome = await launchChrome({
    chromePath: chromePath(),
    chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}.`);
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    if (process.env.REPORTS) {
      mkdirSync(process.env.REPORTS, { recursive: true });
      writeFileSync(join(process.env.REPORTS, `${reportName}.json`), JSON.stringify(lhr));
    }
    return {
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      tbtMs: Math.round(lhr.audits["total-blocking-time"]?.numericValue ?? 0),
      bootupMs: Math.round(lhr.audits["bootup-time"]?.numericValue ?? 0),
      finalUrl: lhr.finalDisplayedUrl,
      // Lighthouse's own measure of this machine's speed at the time (higher is faster): a
      // loaded machine inflates TBT, which the simulated throttling then multiplies by 4.
      benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    };
  } finally {
    chrome.kill();
  }
}

/** Lighthouse sometimes fails to record a trace on a loaded machine (NO_NAVSTART): try again, twice. */
async function auditWithRetries(url: string, cookie: string, reportName: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await audit(url, cookie, reportName);
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`${url}: ${error instanceof Error ? error.message : String(error)} Trying again (${attempt})…`);
    }
  }
}

async function main() {
  const port = await freePort();
  log(`Starting the app on a fresh embedded database (port ${port}; the first start may build the app)…`);
  let app: AppProcess | null = null;
  const rows: { page: string; score: number; tbtMs: number; bootupMs: number; benchmarkIndex: number; runs: string }[] =
    [];
  try {
    // A production build on a loaded machine can take minutes.
    app = await startAppWhenBuildFree({ root: process.cwd(), port, verbose: false, startTimeoutMs: 900_000 });
    // The app's own origin (NEXTAUTH_URL): sign-in refuses other origins, and cookies follow the host name.
    const origin = `http://localhost:${port}`;
    for (const role of ROLES) {
      const { cookie, paths } = await signIn(origin, role.email, role.pages);
      for (const { name, path } of paths) {
        const runs: Awaited<ReturnType<typeof audit>>[] = [];
        for (let i = 0; i < RUNS; i++) {
          const run = await auditWithRetries(`${origin}${path}`, cookie, `${name.replace(/ /g, "-")}-${i + 1}`);
          if (!run.finalUrl.includes(path)) throw new Error(`${name}: ended on ${run.finalUrl}, not ${path}.`);
          runs.push(run);
        }
        const median = (key: "score" | "tbtMs" | "bootupMs" | "benchmarkIndex") =>
          percentileOf(
            runs.map((r) => r[key]),
            50,
          );
        const row = {
          page: `${name} (${role.email ?? "signed out"})`,
          score: median("score"),
          tbtMs: median("tbtMs"),
          bootupMs: median("bootupMs"),
          benchmarkIndex: median("benchmarkIndex"),
          runs: runs.map((r) => `${r.score}/${r.tbtMs}`).join(" "),
        };
        log(
          `${row.page}: score ${row.score}, TBT ${row.tbtMs} ms, JS boot-up ${row.bootupMs} ms, machine index ${row.benchmarkIndex} [runs ${row.runs}]`,
        );
        rows.push(row);
      }
    }
  } finally {
    await app?.stop();
  }
  console.log(`\nLighthouse, mobile, simulated throttling; median of ${RUNS} runs (score/TBT per run):`);
  console.table(rows);
  const missed = rows.filter((r) => r.score < TARGET.score || r.tbtMs >= TARGET.tbtMs);
  log(
    missed.length === 0
      ? `Every page meets the target (score ≥ ${TARGET.score}, TBT < ${TARGET.tbtMs} ms).`
      : `Below the target (score ≥ ${TARGET.score}, TBT < ${TARGET.tbtMs} ms): ${missed.map((r) => r.page).join(", ")}.`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
