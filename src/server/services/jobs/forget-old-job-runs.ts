// The run log keeps two weeks: enough to see a pattern of failures on the Jobs page, while a
// minute's jobs (about 10,000 runs a day) do not grow the table for ever.
import { clock } from "@/server/clock";
import { db } from "@/server/db";

export const JOB_RUN_HISTORY_DAYS = 14;
const DAY_MS = 86_400_000;

export async function forgetOldJobRuns({ now = clock.now() } = {}): Promise<{ forgotten: number }> {
  const { count } = await db().jobRun.deleteMany({
    where: { startedAt: { lt: new Date(now.getTime() - JOB_RUN_HISTORY_DAYS * DAY_MS) }, outcome: { not: "running" } },
  });
  return { forgotten: count };
}
