// Issue 18: the first events of a new subject sent by several requests at the same moment
// merge into one attempt. Before, the loser of the attempt's insert could hit the unique index
// `attempt_by_subject` (its ON CONFLICT named only the primary key) and its whole batch was
// answered 500. Rounds of 50 new subjects × 10 single-event requests, all sent at once
// through the REST route handler, repeated for a few seconds. The race is rare (before the
// fix: 3 refused requests in 7,500, about 1 in 2,500), so one run may miss it; 20 runs in a
// row (20,000 requests) or SIMULTANEOUS_RUN_FOR_MS=90000 all but surely catch it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { makeCustomer, makeDefinition, uniqueId } from "../support/fixtures";

afterAll(closeApiRateLimiter);

const SUBJECTS = 50;
const REQUESTS_PER_SUBJECT = 10;
const RUN_FOR_MS = Number(process.env.SIMULTANEOUS_RUN_FOR_MS ?? 4_000);
const MIN_ROUNDS = 2;

interface Answer {
  status: number | "threw";
  results: { id: string; status: string; attemptId?: string }[];
  error?: string;
}

describe("simultaneous first events of one subject", () => {
  let customer: Awaited<ReturnType<typeof makeCustomer>>;
  let definition: Awaited<ReturnType<typeof makeDefinition>>;

  beforeAll(async () => {
    customer = await makeCustomer();
    definition = await makeDefinition();
  });

  it("merge into one attempt per subject: every event accepted once, rollup equal to the attempts, one audit entry per request", async () => {
    const sentBySubject = new Map<string, string[]>();
    const answers: Answer[] = [];
    const started = performance.now();
    let rounds = 0;
    do {
      rounds += 1;
      // A key per round: 500 requests a round would pass a key's per-minute limit in a few rounds.
      const { key } = await makeApiKey();
      const at = new Date(clock.now().getTime() - 3_600_000);
      const events = Array.from({ length: SUBJECTS }, () => uniqueId("ticket")).flatMap((subject) =>
        Array.from({ length: REQUESTS_PER_SUBJECT }, (_, i) => ({
          id: uniqueId("evt"),
          customer: customer.externalId,
          definition: definition.key,
          subject,
          occurredAt: new Date(at.getTime() + i * 1_000).toISOString(),
          attributes: { closedBy: "ai", [`step${i}`]: true },
          cost: { amount: "0.0100", currency: "USD" },
        })),
      );
      for (const e of events) sentBySubject.set(e.subject, [...(sentBySubject.get(e.subject) ?? []), e.id]);
      // allSettled: a failed request must not leave the others running into the next round.
      const settled = await Promise.allSettled(
        events.map(async (e): Promise<Answer> => {
          const response = await postEvents(
            apiRequest("/api/v1/events", { key, method: "POST", body: JSON.stringify({ events: [e] }) }),
            routeParams({}),
          );
          const body = await response.json();
          return response.status === 200
            ? { status: 200, results: body.results }
            : { status: response.status, results: [], error: JSON.stringify(body) };
        }),
      );
      answers.push(
        ...settled.map((s) =>
          s.status === "fulfilled" ? s.value : { status: "threw" as const, results: [], error: String(s.reason) },
        ),
      );
      // A round of single-event batches takes 4-10 s on 2 busy cores (each commit waits for the
      // audit chain's lock), so the loop runs at least twice however long a round takes.
    } while (rounds < MIN_ROUNDS || performance.now() - started < RUN_FOR_MS);

    const failed = answers.filter((a) => a.status !== 200);
    expect(failed.slice(0, 3), `${failed.length} of ${answers.length} requests failed`).toEqual([]);
    const accepted = answers.flatMap((a) => a.results).filter((r) => r.status === "accepted");
    const sent = [...sentBySubject.values()].flat();
    expect(accepted).toHaveLength(sent.length);
    expect(new Set(accepted.map((r) => r.id)).size).toBe(sent.length);

    const where = { customerId: customer.id, definitionId: await definitionId(definition.key) };
    const attempts = await db().attempt.findMany({
      where,
      select: { id: true, subject: true, eventCount: true, costAmount: true, status: true },
    });
    expect(attempts).toHaveLength(sentBySubject.size);
    expect(attempts.filter((a) => a.eventCount !== REQUESTS_PER_SUBJECT)).toEqual([]);
    expect(attempts.filter((a) => a.costAmount.toString() !== "0.1")).toEqual([]);
    const attemptOf = new Map(attempts.map((a) => [a.subject, a.id]));
    const events = await db().ingestEvent.findMany({
      where: { customerId: customer.id },
      select: { eventId: true, attemptId: true },
    });
    expect(events).toHaveLength(sent.length);
    const attemptOfEvent = new Map(events.map((e) => [e.eventId, e.attemptId]));
    for (const [subject, ids] of sentBySubject) {
      expect(ids.map((id) => attemptOfEvent.get(id))).toEqual(ids.map(() => attemptOf.get(subject)));
    }

    const pending = attempts.filter((a) => a.status === "pending").length;
    const [daily, monthly] = await Promise.all([
      db().usageDaily.aggregate({ where, _sum: { attempts: true, pending: true, billable: true } }),
      db().usageRollup.aggregate({ where, _sum: { attempts: true, pending: true, billable: true } }),
    ]);
    const expected = {
      attempts: attempts.length,
      pending,
      billable: attempts.filter((a) => a.status === "billable").length,
    };
    expect(daily._sum).toEqual(expected);
    expect(monthly._sum).toEqual(expected);

    expect(await db().auditEntry.count({ where: { action: "events.ingested", customerId: customer.id } })).toBe(
      answers.length,
    );
    console.log(
      `${rounds} rounds, ${answers.length} requests, ${attempts.length} attempts in ${Math.round(performance.now() - started)} ms`,
    );
  }, 180_000);
});

async function definitionId(key: string): Promise<string> {
  return (await db().outcomeDefinition.findUniqueOrThrow({ where: { key }, select: { id: true } })).id;
}
