// The exact checks after the load: what the API answered and what the database holds for the
// bench's own customer and definition, down to each attempt's event count and the cents.
import Decimal from "decimal.js";
import { db } from "../../src/server/db";
import type { LoadResult } from "./load";
import type { BenchFixture } from "./setup";
import type { Workload } from "./workload";

export interface Check {
  name: string;
  expected: string;
  actual: string;
  ok: boolean;
}

const check = (name: string, expected: number | string, actual: number | string): Check => ({
  name,
  expected: typeof expected === "number" ? expected.toLocaleString("en-US") : expected,
  actual: typeof actual === "number" ? actual.toLocaleString("en-US") : actual,
  ok: expected === actual,
});

export async function verify(fixture: BenchFixture, workload: Workload, load: LoadResult): Promise<Check[]> {
  const { fresh, resent } = load.statuses;
  const firstSends = workload.requests.filter((r) => r.fresh > 0).length;
  const checks: Check[] = [
    check("requests answered 5xx", 0, load.outcomes.filter((o) => o.httpStatus >= 500).length),
    check(
      "requests answered 200 with the planned status for every item",
      workload.requests.length,
      workload.requests.length - load.failedRequests,
    ),
    check("first sends answered accepted", workload.distinctEvents, fresh.accepted),
    check("first sends answered duplicate/conflict/rejected", 0, fresh.duplicate + fresh.conflict + fresh.rejected),
    check("resends answered duplicate", workload.resentEvents, resent.duplicate),
    check("resends answered accepted/conflict/rejected", 0, resent.accepted + resent.conflict + resent.rejected),
  ];

  const cost = (workload.costTenThousandths / 10_000).toFixed(4);
  const [events] = await db().$queryRaw<{ rows: bigint; distinct_ids: bigint; by_key: bigint; cost: string | null }[]>`
    SELECT count(*) AS rows, count(DISTINCT "eventId") AS distinct_ids,
      count(*) FILTER (WHERE "apiKeyId" = ${fixture.apiKeyId}::uuid) AS by_key, sum("costAmount")::text AS cost
    FROM ingest_event WHERE "customerId" = ${fixture.customerId}::uuid`;
  checks.push(
    check("ingest_event rows for the bench customer", workload.distinctEvents, Number(events!.rows)),
    check("distinct event ids among them", workload.distinctEvents, Number(events!.distinct_ids)),
    check("ingest_event rows sent with the bench key", workload.distinctEvents, Number(events!.by_key)),
    check("sum of the events' costs (USD)", cost, decimalText(events!.cost)),
  );

  const [attempts] = await db().$queryRaw<
    { rows: bigint; events: bigint | null; empty: bigint; cost: string | null }[]
  >`
    SELECT count(*) AS rows, sum("eventCount") AS events, count(*) FILTER (WHERE "eventCount" = 0) AS empty,
      sum("costAmount")::text AS cost
    FROM attempt WHERE "customerId" = ${fixture.customerId}::uuid AND "definitionId" = ${fixture.definitionId}::uuid`;
  checks.push(
    check("attempt rows (one per distinct subject)", workload.subjects, Number(attempts!.rows)),
    check("sum of the attempts' eventCount", workload.distinctEvents, Number(attempts!.events ?? 0)),
    check("attempts left empty", 0, Number(attempts!.empty)),
    check("sum of the attempts' costs (USD)", cost, decimalText(attempts!.cost)),
  );

  const perSubject = await db().$queryRaw<{ subject: string; eventCount: number }[]>`
    SELECT "subject", "eventCount" FROM attempt
    WHERE "customerId" = ${fixture.customerId}::uuid AND "definitionId" = ${fixture.definitionId}::uuid`;
  const wrong = perSubject.filter((a) => workload.eventsBySubject.get(a.subject) !== a.eventCount);
  checks.push(check("attempts whose eventCount differs from the events sent for its subject", 0, wrong.length));

  const [audit] = await db().$queryRaw<{ entries: bigint }[]>`
    SELECT count(*) AS entries FROM audit_entry
    WHERE "action" = 'events.ingested' AND "actorId" = ${`api-key:${fixture.apiKeyId}`}
      AND "customerId" = ${fixture.customerId}::uuid`;
  checks.push(
    check("audit entries events.ingested (one per request that landed events)", firstSends, Number(audit!.entries)),
  );
  return checks;
}

function decimalText(value: string | null): string {
  return new Decimal(value ?? 0).toFixed(4);
}
