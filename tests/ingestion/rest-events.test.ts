import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getAttempt } from "@/app/api/v1/attempts/[id]/route";
import { GET as listAttempts } from "@/app/api/v1/attempts/route";
import { POST as amend } from "@/app/api/v1/events/[id]/amend/route";
import { POST as voidEvent } from "@/app/api/v1/events/[id]/void/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { makeCustomer, makeDefinition, uniqueId } from "../support/fixtures";

afterAll(closeApiRateLimiter);

const hoursAgo = (h: number) => new Date(clock.now().getTime() - h * 3_600_000).toISOString();

describe("REST v1 events", () => {
  let key: string;
  let customer: Awaited<ReturnType<typeof makeCustomer>>;
  let definition: Awaited<ReturnType<typeof makeDefinition>>;
  const event = (overrides: Record<string, unknown> = {}) => ({
    id: uniqueId("evt"),
    customer: customer.externalId,
    definition: definition.key,
    subject: uniqueId("ticket"),
    occurredAt: hoursAgo(100),
    attributes: { closedBy: "ai", csat: 5 },
    evidence: [
      { at: hoursAgo(100), kind: "message", actor: "customer", title: "Where is my refund?" },
      { at: hoursAgo(99), kind: "status", actor: "ai", title: "Ticket closed by AI" },
    ],
    ...overrides,
  });
  const send = (body: unknown, raw?: string) =>
    postEvents(
      apiRequest("/api/v1/events", { key, method: "POST", body: raw ?? JSON.stringify(body) }),
      routeParams({}),
    );

  beforeAll(async () => {
    ({ key } = await makeApiKey());
    customer = await makeCustomer();
    definition = await makeDefinition();
  });

  it("answers per item, in request order", async () => {
    const good = event();
    const response = await send({ events: [good, { ...good, id: uniqueId("evt"), occurredAt: "soon" }] });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(["accepted", "rejected"]);
    expect(body.results[1].errors).toEqual([{ path: "occurredAt", message: expect.stringContaining("ISO 8601") }]);
    expect(body.summary).toEqual({ accepted: 1, duplicate: 0, conflict: 0, rejected: 1 });
  });

  it("refuses a whole request that is not JSON, empty, or over 1,000 events, writing nothing", async () => {
    const before = await db().ingestEvent.count();
    expect((await send(null, "{not json")).status).toBe(400);
    expect((await send({ events: [] })).status).toBe(400);
    const tooMany = await send({ events: Array.from({ length: 1_001 }, () => ({})) });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).error.fields).toEqual([
      { path: "events", message: expect.stringContaining("1,000") },
    ]);
    expect(await db().ingestEvent.count()).toBe(before);
  });

  it("refuses a request without a valid key", async () => {
    const response = await postEvents(
      apiRequest("/api/v1/events", { method: "POST", body: JSON.stringify({ events: [event()] }) }),
      routeParams({}),
    );
    expect(response.status).toBe(401);
  });

  it("lists attempts with filters and a keyset cursor, and shows one evidence trail", async () => {
    const subject = uniqueId("ticket");
    await send({
      events: [event({ subject }), event({ occurredAt: hoursAgo(101) }), event({ occurredAt: hoursAgo(102) })],
    });
    const page1 = await (
      await listAttempts(
        apiRequest(`/api/v1/attempts?customer=${customer.externalId}&limit=2`, { key }),
        routeParams({}),
      )
    ).json();
    expect(page1.data).toHaveLength(2);
    const page2 = await (
      await listAttempts(
        apiRequest(`/api/v1/attempts?customer=${customer.externalId}&limit=2&cursor=${page1.nextCursor}`, { key }),
        routeParams({}),
      )
    ).json();
    const ids = [...page1.data, ...page2.data].map((a: { id: string }) => a.id);
    expect(new Set(ids).size).toBe(ids.length);

    const bySubject = await (
      await listAttempts(apiRequest(`/api/v1/attempts?subject=${subject}`, { key }), routeParams({}))
    ).json();
    const detail = await (
      await getAttempt(apiRequest("/api/v1/attempts/x", { key }), routeParams({ id: bySubject.data[0].id }))
    ).json();
    expect(detail).toMatchObject({ subject, status: "billable", final: true, definitionVersion: 1 });
    expect(detail.events[0].evidence.map((e: { title: string }) => e.title)).toEqual([
      "Where is my refund?",
      "Ticket closed by AI",
    ]);
    expect(detail.evaluation.criteria.map((c: { result: string }) => c.result)).toEqual([
      "pass",
      "pass",
      "pass",
      "pass",
    ]);
  });

  it("amends an event: the original stays in the trail as superseded, the outcome is re-evaluated and audited", async () => {
    const original = event();
    const { results } = await (await send({ events: [original] })).json();
    const { id: _id, ...rest } = original;
    const correction = { ...rest, attributes: { closedBy: "ai", csat: 2 } };
    const post = () =>
      amend(
        apiRequest(`/api/v1/events/${original.id}/amend`, { key, method: "POST", body: JSON.stringify(correction) }),
        routeParams({ id: original.id }),
      );
    const amended = await (await post()).json();
    expect(amended).toMatchObject({
      id: original.id,
      status: "amended",
      outcome: { status: "not_billable", final: true },
    });
    expect((await (await post()).json()).status).toBe("duplicate");

    const trail = await (
      await getAttempt(apiRequest("/api/v1/attempts/x", { key }), routeParams({ id: results[0].attemptId }))
    ).json();
    expect(trail.events.map((e: { kind: string; state: string }) => `${e.kind}:${e.state}`)).toEqual([
      "original:superseded",
      "amendment:active",
    ]);
    const audit = await db().auditEntry.findFirst({ where: { action: "event.amended", subjectId: original.id } });
    expect(audit?.before).toMatchObject({ outcome: "billable" });
    expect(audit?.after).toMatchObject({ outcome: "not_billable" });
  });

  it("refuses an amendment that moves the event to another subject", async () => {
    const original = event();
    await send({ events: [original] });
    const { id: _id, ...rest } = original;
    const response = await amend(
      apiRequest(`/api/v1/events/${original.id}/amend`, {
        key,
        method: "POST",
        body: JSON.stringify({ ...rest, subject: "other" }),
      }),
      routeParams({ id: original.id }),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields[0].path).toBe("subject");
  });

  it("voids an event with a reason; an attempt with no events left is not billable", async () => {
    const original = event();
    const { results } = await (await send({ events: [original] })).json();
    const response = await voidEvent(
      apiRequest(`/api/v1/events/${original.id}/void`, {
        key,
        method: "POST",
        body: JSON.stringify({ reason: "Test ticket" }),
      }),
      routeParams({ id: original.id }),
    );
    expect(await response.json()).toMatchObject({ status: "voided", outcome: { status: "not_billable" } });
    const attempt = await db().attempt.findUniqueOrThrow({ where: { id: results[0].attemptId } });
    expect(attempt.status).toBe("not_billable");
    expect((attempt.trace as { note: string }).note).toContain("voided");
    expect(attempt).toMatchObject({ eventCount: 0, voided: true });

    // A new event for the same subject revives the attempt (the CHECK keeps voided = no events).
    const revived = await (await send({ events: [event({ subject: original.subject })] })).json();
    expect(revived.results[0]).toMatchObject({ status: "accepted", attemptId: results[0].attemptId });
    expect(await db().attempt.findUniqueOrThrow({ where: { id: results[0].attemptId } })).toMatchObject({
      eventCount: 1,
      voided: false,
    });

    const missing = await voidEvent(
      apiRequest("/api/v1/events/nope/void", { key, method: "POST", body: JSON.stringify({ reason: "x" }) }),
      routeParams({ id: "nope" }),
    );
    expect(missing.status).toBe(404);
  });
});
