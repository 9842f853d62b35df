import { beforeAll, describe, expect, it } from "vitest";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { ingestEvents } from "@/server/services/ingestion/ingest-events";
import { makeCustomer, makeDefinition, testActor, uniqueId } from "../support/fixtures";

const hoursAgo = (h: number) => new Date(clock.now().getTime() - h * 3_600_000).toISOString();

/** Like Promise.all, but waits for every call to finish before failing, so none runs on into the next test. */
async function allFulfilled<T>(calls: Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(calls);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

describe("ingesting events", () => {
  let customer: Awaited<ReturnType<typeof makeCustomer>>;
  let definition: Awaited<ReturnType<typeof makeDefinition>>;
  const event = (overrides: Record<string, unknown> = {}) => ({
    id: uniqueId("evt"),
    customer: customer.externalId,
    definition: definition.key,
    subject: uniqueId("ticket"),
    occurredAt: hoursAgo(1),
    attributes: { closedBy: "ai" },
    evidence: [{ at: hoursAgo(1), kind: "message", actor: "customer", title: "My order is late" }],
    ...overrides,
  });

  beforeAll(async () => {
    customer = await makeCustomer();
    definition = await makeDefinition();
  });

  it("accepts a good event, creates its attempt and keeps it pending while the window is open", async () => {
    const sent = event({ cost: { amount: "0.0123", currency: "USD" }, aiShare: 0.9 });
    const { results, summary } = await ingestEvents({ actor: testActor, items: [sent] });
    expect(summary).toEqual({ accepted: 1, duplicate: 0, conflict: 0, rejected: 0 });
    const attempt = await db().attempt.findUniqueOrThrow({ where: { id: results[0]!.attemptId! } });
    expect(attempt).toMatchObject({ status: "pending", subject: sent.subject, eventCount: 1, finalizedAt: null });
    expect(attempt.costAmount.toString()).toBe("0.0123");
    expect(attempt.aiShare?.toString()).toBe("0.9");
  });

  it("replays a duplicate and refuses a conflicting repeat of an id, changing nothing", async () => {
    const sent = event();
    await ingestEvents({ actor: testActor, items: [sent] });
    const again = await ingestEvents({
      actor: testActor,
      items: [sent, { ...sent, attributes: { closedBy: "human" } }],
    });
    expect(again.results.map((r) => r.status)).toEqual(["duplicate", "conflict"]);
    const attempt = await db().attempt.findUniqueOrThrow({ where: { id: again.results[0]!.attemptId! } });
    expect(attempt.eventCount).toBe(1);
    expect(attempt.attributes).toEqual({ closedBy: "ai" });
  });

  it("lands the good items of a batch and rejects each bad one with every field error", async () => {
    const good = event();
    const { results } = await ingestEvents({
      actor: testActor,
      items: [
        good,
        event({ occurredAt: "yesterday", aiShare: 2, evidence: [{ kind: "smoke" }] }),
        event({ customer: "no-such-customer" }),
        event({ definition: "no_such_definition" }),
        event({ cost: { amount: "1.5", currency: "EUR" } }),
        "not an object",
      ],
    });
    expect(results.map((r) => r.status)).toEqual([
      "accepted",
      "rejected",
      "rejected",
      "rejected",
      "rejected",
      "rejected",
    ]);
    expect(results[1]!.errors!.map((e) => e.path)).toEqual(
      expect.arrayContaining([
        "occurredAt",
        "aiShare",
        "evidence.0.at",
        "evidence.0.kind",
        "evidence.0.actor",
        "evidence.0.title",
      ]),
    );
    expect(results[2]!.errors).toEqual([{ path: "customer", message: expect.stringContaining("no-such-customer") }]);
    expect(results[3]!.errors).toEqual([
      { path: "definition", message: expect.stringContaining("no_such_definition") },
    ]);
    expect(results[4]!.errors).toEqual([{ path: "cost.currency", message: expect.stringContaining("USD") }]);
  });

  it("merges a follow-up event for the same subject and re-evaluates", async () => {
    const first = event();
    await ingestEvents({ actor: testActor, items: [first] });
    const followUp = event({ subject: first.subject, occurredAt: hoursAgo(0.5), attributes: { reopened: true } });
    const { results } = await ingestEvents({ actor: testActor, items: [followUp] });
    const attempt = await db().attempt.findUniqueOrThrow({ where: { id: results[0]!.attemptId! } });
    expect(attempt.attributes).toEqual({ closedBy: "ai", reopened: true });
    expect(attempt.eventCount).toBe(2);
    const trace = attempt.trace as { criteria: { label: string; result: string }[] };
    expect(trace.criteria.find((c) => c.label === "Not reopened")?.result).toBe("fail");
  });

  it("finalizes at once an attempt whose window has already closed", async () => {
    const { results } = await ingestEvents({ actor: testActor, items: [event({ occurredAt: hoursAgo(100) })] });
    const attempt = await db().attempt.findUniqueOrThrow({ where: { id: results[0]!.attemptId! } });
    expect(attempt.status).toBe("billable");
    expect(attempt.finalizedAt).not.toBeNull();
    const late = await ingestEvents({
      actor: testActor,
      items: [event({ subject: attempt.subject, occurredAt: hoursAgo(1), attributes: { reopened: true } })],
    });
    const after = await db().attempt.findUniqueOrThrow({ where: { id: late.results[0]!.attemptId! } });
    expect(after).toMatchObject({ status: "billable", eventCount: 2, attributes: { closedBy: "ai" } });
  });

  it("lands one attempt when 20 requests send the same event at the same moment", async () => {
    const sent = event();
    const outcomes = await allFulfilled(
      Array.from({ length: 20 }, () => ingestEvents({ actor: testActor, items: [sent] })),
    );
    const statuses = outcomes.map((o) => o.results[0]!.status).sort();
    expect(statuses.filter((s) => s === "accepted")).toHaveLength(1);
    expect(statuses.filter((s) => s === "duplicate")).toHaveLength(19);
    expect(await db().attempt.count({ where: { subject: sent.subject } })).toBe(1);
    expect(await db().ingestEvent.count({ where: { eventId: sent.id } })).toBe(1);
  });

  it("merges into one attempt the first events of a subject sent by 10 requests at the same moment", async () => {
    const subject = uniqueId("ticket");
    const sent = Array.from({ length: 10 }, (_, i) =>
      event({
        subject,
        occurredAt: hoursAgo(10 - i),
        cost: { amount: "0.0100", currency: "USD" },
        attributes: { step: i },
      }),
    );
    const outcomes = await allFulfilled(sent.map((e) => ingestEvents({ actor: testActor, items: [e, event()] })));
    expect(outcomes.map((o) => o.results[0]!.status)).toEqual(Array(10).fill("accepted"));
    const attempts = await db().attempt.findMany({ where: { subject } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ eventCount: 10, attributes: { step: 9 }, status: "pending" });
    expect(attempts[0]!.costAmount.toString()).toBe("0.1");
    expect(attempts[0]!.occurredAt.toISOString()).toBe(sent[0]!.occurredAt);
    const usage = await db().usageDaily.aggregate({
      where: { customerId: customer.id, definitionId: attempts[0]!.definitionId },
      _sum: { attempts: true, pending: true },
    });
    const counted = await db().attempt.count({
      where: { customerId: customer.id, definitionId: attempts[0]!.definitionId },
    });
    const pending = await db().attempt.count({
      where: { customerId: customer.id, definitionId: attempts[0]!.definitionId, status: "pending" },
    });
    expect(usage._sum).toEqual({ attempts: counted, pending });
  });

  it("writes one audit entry per batch that changed something", async () => {
    // Counted for a customer of its own: a count over all customers also saw the batches of
    // anything else ingesting meanwhile, such as a previous test's requests still in flight
    // after its Promise.all had rejected (55 entries where 53 were expected, issue 18).
    const own = await makeCustomer();
    const sent = event({ customer: own.externalId });
    await ingestEvents({ actor: testActor, items: [sent, event({ customer: own.externalId })] });
    await ingestEvents({ actor: testActor, items: [sent] });
    expect(await db().auditEntry.count({ where: { action: "events.ingested", customerId: own.id } })).toBe(1);
  });
});
