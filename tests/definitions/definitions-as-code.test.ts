import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { POST as postPreview } from "@/app/api/v1/definitions/[key]/draft/preview/route";
import { POST as postPublish } from "@/app/api/v1/definitions/[key]/draft/publish/route";
import { PUT as putDraft } from "@/app/api/v1/definitions/[key]/draft/route";
import { POST as postDefinition } from "@/app/api/v1/definitions/route";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { clock } from "@/server/clock";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { makeContract, makeCustomer, sendAttempts } from "../support/fixtures";

afterAll(closeApiRateLimiter);

const rule = (whenMissing: "pass" | "fail", changeNote: string) => ({
  criteria: [
    { attribute: "closedBy", operator: "eq", value: "ai", label: "Closed by the AI", whenMissing: "fail" },
    { attribute: "reopened", operator: "is_false", label: "Not reopened", whenMissing },
  ],
  observationWindowHours: 0,
  defaultUnitPrice: "1.25",
  changeNote,
});

describe("definitions as code over REST", () => {
  it("creates a definition, saves drafts, previews their impact and publishes, with the app's rules", async () => {
    const { key: apiKey } = await makeApiKey();
    const key = `resolved_${randomUUID().slice(0, 8)}`;
    const send = (handler: typeof putDraft, path: string, method: string, body: unknown) =>
      handler(apiRequest(path, { key: apiKey, method, body: JSON.stringify(body) }), routeParams({ key }));

    const created = await postDefinition(
      apiRequest("/api/v1/definitions", {
        key: apiKey,
        method: "POST",
        body: JSON.stringify({
          key,
          name: "Ticket resolved",
          unitLabel: "resolved ticket",
          firstVersion: rule("pass", "First version"),
        }),
      }),
      routeParams({}),
    );
    expect(created.status).toBe(201);
    expect((await created.json()).versions).toEqual([expect.objectContaining({ number: 1, status: "draft" })]);
    const first = await send(postPublish, `/api/v1/definitions/${key}/draft/publish`, "POST", {
      effectiveFrom: "2020-01-01T00:00:00Z",
    });
    expect(first.status).toBe(200);

    // Four attempts without a reopen flag: billable under v1, not under a draft where missing fails.
    const customer = await makeCustomer();
    await makeContract(customer.id, { outcomePrices: [{ definitionKey: key, unitPrice: "2.00", tiers: [] }] });
    await sendAttempts(customer.externalId, key, new Date(clock.now().getTime() - 3 * 86_400_000), 4, 4);

    const bad = await send(putDraft, `/api/v1/definitions/${key}/draft`, "PUT", {
      ...rule("fail", "Stricter"),
      criteria: [{ attribute: "reopened", operator: "in", label: "Not reopened", whenMissing: "fail" }],
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields).toEqual([
      expect.objectContaining({ path: "criteria.0.value", message: expect.stringContaining("list of values") }),
    ]);
    const draft = await send(putDraft, `/api/v1/definitions/${key}/draft`, "PUT", rule("fail", "Stricter"));
    expect(draft.status).toBe(201);
    const replaced = await send(putDraft, `/api/v1/definitions/${key}/draft`, "PUT", rule("fail", "Stricter, v2"));
    expect(replaced.status).toBe(200);
    expect((await replaced.json()).versions.at(-1)).toMatchObject({
      number: 2,
      status: "draft",
      changeNote: "Stricter, v2",
    });

    const preview = await send(postPreview, `/api/v1/definitions/${key}/draft/preview`, "POST", { days: 7 });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      currentVersion: 1,
      draftVersion: 2,
      attempts: 4,
      flips: { billableToNot: 4, notToBillable: 0 },
      customers: [{ customer: customer.externalId, billableDelta: -4, currency: "USD", moneyDeltaMinor: "-800" }],
    });

    const backdated = await send(postPublish, `/api/v1/definitions/${key}/draft/publish`, "POST", {
      effectiveFrom: "2026-01-01T00:00:00Z",
    });
    expect(backdated.status).toBe(400);
    expect((await backdated.json()).error.message).toMatch(/now or later/);
    const published = await send(postPublish, `/api/v1/definitions/${key}/draft/publish`, "POST", {
      effectiveFrom: new Date(clock.now().getTime() + 60_000).toISOString(),
      changeNote: "A missing reopen flag no longer counts as not reopened.",
    });
    expect(published.status).toBe(200);
    expect((await published.json()).versions.at(-1)).toMatchObject({ number: 2, status: "published" });
    const none = await send(postPreview, `/api/v1/definitions/${key}/draft/preview`, "POST", { days: 7 });
    expect(none.status).toBe(404);
  });
});
