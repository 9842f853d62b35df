// Odd input never gets a 5xx (issue 13): NUL characters, unpaired surrogates and far-away
// dates are refused with a field error where they enter, and a bad item of a batch is
// rejected alone while the good ones land. Each of these answered 500 before.
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listAttempts } from "@/app/api/v1/attempts/route";
import { PUT as putCustomer } from "@/app/api/v1/customers/[externalId]/route";
import { POST as postDefinition } from "@/app/api/v1/definitions/route";
import { POST as voidEvent } from "@/app/api/v1/events/[id]/void/route";
import { POST as postEvents } from "@/app/api/v1/events/route";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { makeCustomer, makeDefinition, makeUser, uniqueId } from "../support/fixtures";
import { trpcOverHttp, trpcRequest } from "../support/trpc-http";

afterAll(closeApiRateLimiter);

const hoursAgo = (h: number) => new Date(clock.now().getTime() - h * 3_600_000).toISOString();

/** The tRPC error a client sees: HTTP status, app code and field paths. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCClientError);
  const { data } = error as {
    data: { httpStatus: number; appCode: string; fields: { path: string; message: string }[] };
  };
  return { status: data.httpStatus, code: data.appCode, fields: data.fields };
}

describe("odd input", () => {
  let key: string;
  let customer: Awaited<ReturnType<typeof makeCustomer>>;
  let definition: Awaited<ReturnType<typeof makeDefinition>>;
  const event = (overrides: Record<string, unknown> = {}) => ({
    id: uniqueId("evt"),
    customer: customer.externalId,
    definition: definition.key,
    subject: uniqueId("ticket"),
    occurredAt: hoursAgo(2),
    attributes: { closedBy: "ai" },
    evidence: [{ at: hoursAgo(2), kind: "message", actor: "customer", title: "My order is late" }],
    ...overrides,
  });

  beforeAll(async () => {
    ({ key } = await makeApiKey());
    customer = await makeCustomer();
    definition = await makeDefinition();
  });

  it("rejects each event with NUL, an unpaired surrogate or a far-away date and lands the good ones of the batch", async () => {
    const good = [event(), event()];
    const bad = [
      event({ subject: "ticket-\u0000-1" }),
      event({ id: `evt-\ud800-${uniqueId("x")}` }),
      event({ attributes: { closedBy: "ai", note: "fine\udc00" } }),
      event({ attributes: { "close\u0000dBy": "ai" } }),
      event({ evidence: [{ at: hoursAgo(2), kind: "note", actor: "ai", title: "T\u0000" }] }),
      event({ occurredAt: "0000-01-01T00:00:00Z" }),
      event({ evidence: [{ at: "+275760-09-13T00:00:00Z", kind: "note", actor: "ai", title: "Far away" }] }),
    ];
    // JSON.stringify escapes lone surrogates (\ud800), as a client's JSON encoder would.
    const body = JSON.stringify({ events: [good[0], ...bad, good[1]] });
    const response = await postEvents(apiRequest("/api/v1/events", { key, method: "POST", body }), routeParams({}));
    expect(response.status).toBe(200);
    const { results, summary } = await response.json();
    expect(summary).toEqual({ accepted: 2, duplicate: 0, conflict: 0, rejected: bad.length });
    const paths = results.slice(1, -1).map((r: { status: string; errors: { path: string }[] }) => ({
      status: r.status,
      paths: r.errors.map((e) => e.path),
    }));
    expect(paths).toEqual([
      { status: "rejected", paths: ["subject"] },
      { status: "rejected", paths: ["id"] },
      { status: "rejected", paths: ["attributes.note"] },
      { status: "rejected", paths: ["attributes.close\\u0000dBy"] },
      { status: "rejected", paths: ["evidence.0.title"] },
      { status: "rejected", paths: ["occurredAt"] },
      { status: "rejected", paths: ["evidence.0.at"] },
    ]);
    expect(results[4].errors[0].message).toMatch(/NUL character \(U\+0000\) at position 6/);
    expect(results[6].errors[0].message).toMatch(/between the years 2000 and 2999/);
    expect(await db().ingestEvent.count({ where: { eventId: { in: good.map((g) => g.id) } } })).toBe(2);
  });

  it("refuses such text in REST queries and bodies with 400 naming the field", async () => {
    const list = await listAttempts(apiRequest("/api/v1/attempts?subject=a%00b", { key }), routeParams({}));
    expect(list.status).toBe(400);
    expect((await list.json()).error.fields).toEqual([{ path: "subject", message: expect.stringContaining("NUL") }]);

    const externalId = uniqueId("ext");
    const put = await putCustomer(
      apiRequest(`/api/v1/customers/${externalId}`, {
        key,
        method: "PUT",
        body: JSON.stringify({ name: "Acme \ud83d", currency: "USD", timezone: "UTC" }),
      }),
      routeParams({ externalId }),
    );
    expect(put.status).toBe(400);
    expect((await put.json()).error.fields).toEqual([{ path: "name", message: expect.stringContaining("surrogate") }]);
    expect(await db().customer.count({ where: { externalId } })).toBe(0);
  });

  it("refuses NUL in tRPC inputs and far-away periods and dates with BAD_REQUEST naming the field", async () => {
    const finance = await makeUser("finance", customer.id);
    const admin = await makeUser("admin");
    expect(await refusal(trpcOverHttp(finance).outcomes.list.query({ subject: "ticket\u0000" }))).toEqual({
      status: 400,
      code: "VALIDATION_FAILED",
      fields: [{ path: "subject", message: expect.stringContaining("NUL") }],
    });
    expect(
      await refusal(
        trpcOverHttp(finance).disputes.preview.query({ scope: { kind: "filter", query: { period: "0000-01" } } }),
      ),
    ).toEqual({
      status: 400,
      code: "VALIDATION_FAILED",
      fields: [{ path: "scope.query.period", message: "Give a date between the years 2000 and 2999 (UTC)." }],
    });
    expect(
      await refusal(trpcOverHttp(admin).audit.list.query({ from: new Date("0001-01-01T00:00:00Z") })),
    ).toMatchObject({ status: 400, fields: [{ path: "from" }] });
    expect(await refusal(trpcOverHttp(admin).audit.list.query({ before: 10n ** 20n }))).toMatchObject({
      status: 400,
      fields: [{ path: "before" }],
    });
    expect(
      await refusal(
        trpcOverHttp(admin).definitions.publish.mutate({
          definitionKey: definition.key,
          number: 2 ** 40,
          effectiveFrom: new Date(8.64e15),
        }),
      ),
    ).toMatchObject({ status: 400, fields: [{ path: "number" }, { path: "effectiveFrom" }] });
  });

  it("refuses a threshold that is not a decimal and a URL that is not a URL, naming the field", async () => {
    // Refinements read them with new Dec() and new URL(), which threw before the format check
    // aborted: tRPC answered 400 without a field and with decimal.js's own words.
    const finance = await makeUser("finance", customer.id);
    const admin = await makeUser("admin");
    expect(
      await refusal(trpcOverHttp(finance).dashboard.createAlert.mutate({ kind: "amount", threshold: "lots" })),
    ).toEqual({
      status: 400,
      code: "VALIDATION_FAILED",
      fields: [{ path: "threshold", message: expect.stringContaining("decimal string") }],
    });
    expect(
      await refusal(trpcOverHttp(admin).webhooks.create.mutate({ url: "not a url", events: ["dispute.opened"] })),
    ).toEqual({
      status: 400,
      code: "VALIDATION_FAILED",
      fields: [{ path: "url", message: "Give an http:// or https:// URL." }],
    });
  });

  it("refuses amounts beyond numeric(20, 10) naming the field", async () => {
    // 11 and 12 digits before the point passed the schema and failed in PostgreSQL with a 500.
    const definitionBody = {
      key: `big_${uniqueId("p").slice(2, 12)}`,
      name: "Huge price",
      unitLabel: "outcome",
      firstVersion: { criteria: [], observationWindowHours: 1, defaultUnitPrice: "123456789012", changeNote: "Big" },
    };
    const created = await postDefinition(
      apiRequest("/api/v1/definitions", { key, method: "POST", body: JSON.stringify(definitionBody) }),
      routeParams({}),
    );
    expect(created.status).toBe(400);
    expect((await created.json()).error.fields).toEqual([
      { path: "firstVersion.defaultUnitPrice", message: expect.stringContaining("at most 10 digits before the point") },
    ]);
    const sent = [event({ cost: { amount: "12345678901", currency: "USD" } }), event()];
    const response = await postEvents(
      apiRequest("/api/v1/events", { key, method: "POST", body: JSON.stringify({ events: sent }) }),
      routeParams({}),
    );
    expect(response.status).toBe(200);
    const { results } = await response.json();
    expect(results.map((r: { status: string }) => r.status)).toEqual(["rejected", "accepted"]);
    expect(results[0].errors).toEqual([{ path: "cost.amount", message: expect.stringContaining("10 digits") }]);
  });

  it("adds up the costs of one attempt beyond what one event may cost", async () => {
    // The attempt's sum was numeric(20, 10) like each event's cost: two large costs for one
    // subject overflowed it and failed the whole batch with a 500.
    const subject = uniqueId("ticket");
    const cost = (amount: string) => ({ amount, currency: "USD" });
    const events = [event({ subject, cost: cost("9999999999") }), event({ subject, cost: cost("9999999999") })];
    const response = await postEvents(
      apiRequest("/api/v1/events", { key, method: "POST", body: JSON.stringify({ events }) }),
      routeParams({}),
    );
    expect(response.status).toBe(200);
    expect((await response.json()).summary).toMatchObject({ accepted: 2 });
    const attempt = await db().attempt.findFirstOrThrow({ where: { subject }, select: { costAmount: true } });
    expect(attempt.costAmount.toFixed()).toBe("19999999998");
  });

  it("answers tRPC's own refusals in the one table's terms, with an appCode and a field where it is the request", async () => {
    // The builders' and tRPC's own refusals carried appCode null and no fields; a wrong method was a 405.
    const viewer = await makeUser("viewer", customer.id);
    const refusalOf = async (actor: typeof viewer | null, path: string, init: RequestInit = {}) => {
      const response = await trpcRequest(actor, new Request(`http://localhost/api/trpc/${path}`, init));
      const { data } = (await response.json()).error.json;
      return { status: response.status, code: data.appCode, fields: data.fields };
    };
    const request = (message: RegExp) => [{ path: "(request)", message: expect.stringMatching(message) }];
    expect(await refusalOf(null, "settings.get")).toEqual({ status: 401, code: "UNAUTHENTICATED", fields: [] });
    expect(await refusalOf(viewer, "apiKeys.list")).toEqual({ status: 403, code: "FORBIDDEN", fields: [] });
    expect(await refusalOf(viewer, "nope.nothing")).toEqual({ status: 404, code: "NOT_FOUND", fields: [] });
    const json = { "content-type": "application/json" };
    expect(await refusalOf(viewer, "session.me", { method: "POST", body: "{}", headers: json })).toEqual({
      status: 400,
      code: "VALIDATION_FAILED",
      fields: request(/Unsupported POST-request to query procedure/),
    });
    expect(await refusalOf(viewer, "definitions.byKey?input=%7B")).toEqual({
      status: 400,
      code: "VALIDATION_FAILED",
      fields: request(/JSON/),
    });
  });

  it("refuses a cursor that carries a far-away instant", async () => {
    const forged = Buffer.from(`+275760-09-13T00:00:00.000Z|${crypto.randomUUID()}`).toString("base64url");
    const response = await listAttempts(apiRequest(`/api/v1/attempts?cursor=${forged}`, { key }), routeParams({}));
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual([{ path: "cursor", message: "Unknown cursor." }]);
  });

  it("takes an event's id from the path as Next decoded it, and refuses NUL there", async () => {
    // Next hands route handlers decoded segments; a second decoding failed on the "%" with a 500.
    const sent = event({ id: `evt-50%-${uniqueId("off")}` });
    await postEvents(
      apiRequest("/api/v1/events", { key, method: "POST", body: JSON.stringify({ events: [sent] }) }),
      routeParams({}),
    );
    const voided = (id: string) =>
      voidEvent(
        apiRequest("/api/v1/events/x/void", { key, method: "POST", body: JSON.stringify({ reason: "Sent twice" }) }),
        routeParams({ id }),
      );
    const ok = await voided(sent.id);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: sent.id, status: "voided" });
    const refused = await voided("evt-\u0000");
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.fields).toEqual([{ path: "id", message: expect.stringContaining("NUL") }]);
  });
});
