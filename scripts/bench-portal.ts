// `npm run bench:portal`: on a fresh embedded database, loads megacorp's 1,000,000 attempts
// (scripts/seed/large-customer.ts), then times the portal's reads as a megacorp finance user
// through the same tRPC procedures the pages call: p50/p95 over RUNS runs each, target p95 < 100 ms.
// Then, in the same run, the owner switches row-level security off and the same reads are
// timed again, so the policies' cost is measured on the same data, machine and warm cache.
import { db } from "../src/server/db";
import { createUser } from "../src/server/services/users/create-user";
import { createCaller } from "../src/server/trpc/root";
import { setRowSecurity } from "./bench/row-security";
import { percentileOf, withThrowawayDatabase } from "./bench/throwaway-database";
import { loadLargeCustomer } from "./seed/large-customer";

const RUNS = Number(process.env.RUNS ?? 30);
const TARGET_MS = 100;
const log = (line: string) => console.log(`[bench:portal] ${line}`);
const pct = percentileOf;

async function main() {
  await withThrowawayDatabase("bench-portal", log, run);
}

async function time(label: string, fn: () => Promise<unknown>) {
  await fn(); // warm-up: plans and connections
  const runs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    runs.push(performance.now() - start);
  }
  return { label, p50: pct(runs, 50), p95: pct(runs, 95) };
}

async function run({ migrationUrl }: { migrationUrl: string }) {
  const start = performance.now();
  const { customerId } = await loadLargeCustomer(log, Number(process.env.ATTEMPTS ?? 1_000_000));
  log(`Seeded in ${((performance.now() - start) / 1000).toFixed(1)} s.`);
  const user = await createUser({
    actor: { kind: "system", job: "bench-portal" },
    input: {
      email: "finance@megacorp.test",
      name: "Megacorp finance",
      role: "finance",
      customerId,
      password: "bench-portal-password",
    },
  });
  const caller = createCaller({
    actor: { kind: "user", userId: user.id, role: "finance", customerId, label: user.name },
    viewedCustomerId: null,
    resHeaders: new Headers(),
  });

  let cursor: string | undefined;
  for (let i = 0; i < 499; i++) cursor = (await caller.outcomes.list({ limit: 50, cursor })).nextCursor ?? undefined;
  if (!cursor) throw new Error("Fewer than 500 pages of outcomes.");
  const page500 = cursor;
  const sample = await db().attempt.findFirstOrThrow({
    where: { customerId, status: "billable" },
    orderBy: { occurredAt: "desc" },
    select: { id: true, occurredAt: true, subject: true },
  });
  const day = sample.occurredAt.toISOString().slice(0, 10);
  const definition = (await caller.definitions.list()).find((d) => d.key.startsWith("megacorp"))!.key;
  const month = new Date(Date.UTC(sample.occurredAt.getUTCFullYear(), sample.occurredAt.getUTCMonth() - 1, 1));
  const search = {
    definition,
    status: "billable" as const,
    from: month.toISOString().slice(0, 10),
    to: day,
    subjectPrefix: sample.subject.slice(0, 7),
  };

  const reads: { label: string; fn: () => Promise<unknown> }[] = [
    { label: "dashboard (overview)", fn: () => caller.dashboard.overview() },
    {
      label: "outcomes, first page (+ count)",
      fn: () => Promise.all([caller.outcomes.list({ limit: 50 }), caller.outcomes.count({})]),
    },
    { label: "outcomes, page 500", fn: () => caller.outcomes.list({ limit: 50, cursor: page500 }) },
    {
      label: `filtered search (${search.subjectPrefix}…, + count)`,
      fn: () => Promise.all([caller.outcomes.list({ ...search, limit: 50 }), caller.outcomes.count(search)]),
    },
    {
      label: "filter by status + month (+ rollup count)",
      fn: () =>
        Promise.all([
          caller.outcomes.list({ status: "not_billable", period: month.toISOString().slice(0, 7), limit: 50 }),
          caller.outcomes.count({ status: "not_billable", period: month.toISOString().slice(0, 7) }),
        ]),
    },
    { label: "outcome detail (byId)", fn: () => caller.outcomes.byId({ attemptId: sample.id }) },
  ];
  type Timing = Awaited<ReturnType<typeof time>>;
  const results: Timing[] = [];
  for (const read of reads) results.push(await time(read.label, read.fn));
  const tables = await setRowSecurity(migrationUrl, false);
  log(`Row-level security switched off on ${tables} tables; the same reads again…`);
  const withoutRowSecurity: Timing[] = [];
  for (const read of reads) withoutRowSecurity.push(await time(read.label, read.fn));
  await setRowSecurity(migrationUrl, true);
  const fmt = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
  console.log(
    `\n  Portal reads for a customer with ${(await caller.outcomes.count({})).count.toLocaleString("en-US")} attempts, ${RUNS} runs each, target p95 < ${TARGET_MS} ms`,
  );
  console.log(
    `  ${"read".padEnd(48)} ${"p50".padStart(10)} ${"p95".padStart(10)}  result   ${"p50 no RLS".padStart(10)} ${"p95 no RLS".padStart(10)}`,
  );
  results.forEach((r, i) => {
    const bare = withoutRowSecurity[i]!;
    console.log(
      `  ${r.label.padEnd(48)} ${fmt(r.p50)} ${fmt(r.p95)}  ${(r.p95 < TARGET_MS ? "MET" : "MISSED").padEnd(6)}   ${fmt(bare.p50)} ${fmt(bare.p95)}`,
    );
  });
  console.log("");
  if (results.some((r) => r.p95 >= TARGET_MS)) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
