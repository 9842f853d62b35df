import { describe, expect, it } from "vitest";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { closeObservationWindows } from "@/server/services/ingestion/close-observation-windows";
import { amendEvent, voidEvent } from "@/server/services/ingestion/correct-event";
import { ingestEvents } from "@/server/services/ingestion/ingest-events";
import { makeCustomer, makeDefinition, testActor, uniqueId } from "../support/fixtures";

async function rollupMatchesAttempts(customerId: string) {
  const fromAttempts = await db().$queryRaw<{ period: Date; attempts: number; billable: number; pending: number }[]>`
    SELECT date_trunc('month', "occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS period,
      count(*)::int AS attempts, count(*) FILTER (WHERE status = 'billable')::int AS billable,
      count(*) FILTER (WHERE status = 'pending')::int AS pending
    FROM attempt WHERE "customerId" = ${customerId}::uuid AND "eventCount" > 0 GROUP BY 1 ORDER BY 1`;
  const rollup = await db().usageRollup.findMany({ where: { customerId }, orderBy: { periodStart: "asc" } });
  const daily = await db().$queryRaw<{ period: Date; attempts: number; billable: number; pending: number }[]>`
    SELECT date_trunc('month', "day")::date::timestamp AT TIME ZONE 'UTC' AS period, sum(attempts)::int AS attempts,
      sum(billable)::int AS billable, sum(pending)::int AS pending
    FROM usage_daily WHERE "customerId" = ${customerId}::uuid GROUP BY 1 HAVING sum(attempts) <> 0 ORDER BY 1`;
  expect(daily).toEqual(fromAttempts);
  expect(
    rollup
      .filter((r) => r.attempts !== 0)
      .map((r) => ({ period: r.periodStart, attempts: r.attempts, billable: r.billable, pending: r.pending })),
  ).toEqual(fromAttempts);
}

describe("the usage rollup", () => {
  it("stays equal to counting the attempts, through ingestion, window closing and corrections", async () => {
    const customer = await makeCustomer();
    const { key } = await makeDefinition({ windowHours: 1 });
    const event = (subject: string, hoursAgo: number, attributes: Record<string, string | number | boolean>) => ({
      id: uniqueId("evt"),
      customer: customer.externalId,
      definition: key,
      subject,
      occurredAt: new Date(clock.now().getTime() - hoursAgo * 3_600_000).toISOString(),
      attributes,
    });
    const old = [
      event("a", 24 * 40, { closedBy: "ai" }),
      event("b", 24 * 40, { closedBy: "human" }),
      event("c", 0.2, { closedBy: "ai" }),
    ];
    await ingestEvents({ actor: testActor, items: old });
    await ingestEvents({
      actor: testActor,
      items: [event("c", 0.1, { csat: 2 }), event("d", 24 * 70, { closedBy: "ai" })],
    });
    await rollupMatchesAttempts(customer.id);

    await closeObservationWindows({ now: new Date(clock.now().getTime() + 2 * 3_600_000) });
    await rollupMatchesAttempts(customer.id);

    const { id: _id, ...rest } = old[1]!;
    await amendEvent({ actor: testActor, eventId: old[1]!.id, input: { ...rest, attributes: { closedBy: "ai" } } });
    await voidEvent({ actor: testActor, eventId: old[0]!.id, input: { reason: "Duplicate ticket" } });
    await rollupMatchesAttempts(customer.id);
  });
});
