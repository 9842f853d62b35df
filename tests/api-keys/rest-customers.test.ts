import { afterAll, describe, expect, it, vi } from "vitest";
import { GET as getCustomer, PUT as putCustomer } from "@/app/api/v1/customers/[externalId]/route";
import { GET as listCustomers } from "@/app/api/v1/customers/route";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { readJsonBody } from "@/server/api/request";
import { db } from "@/server/db";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";
import { makeCustomer, testActor, uniqueId } from "../support/fixtures";

afterAll(closeApiRateLimiter);

const customerBody = { name: "Hooli", currency: "eur", timezone: "Europe/Berlin" };

function put(externalId: string, key: string, body: BodyInit, headers: Record<string, string> = {}) {
  return putCustomer(
    apiRequest(`/api/v1/customers/${externalId}`, { key, method: "PUT", body, headers }),
    routeParams({ externalId }),
  );
}

describe("REST v1 wrapper", () => {
  it("answers 401 with the one error body when no key is sent", async () => {
    const response = await listCustomers(apiRequest("/api/v1/customers"), routeParams({}));
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: { code: "UNAUTHENTICATED", message: expect.stringMatching(/Authorization header/), fields: [] },
    });
  });

  it("answers 401 for a revoked key", async () => {
    const { apiKey, key } = await makeApiKey();
    await revokeApiKey({ actor: testActor, input: { prefix: apiKey.prefix } });
    const response = await listCustomers(apiRequest("/api/v1/customers", { key }), routeParams({}));
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toMatch(/revoked/);
  });

  it("answers 500 with a generic message and logs one line when something unexpected breaks", async () => {
    const { key } = await makeApiKey();
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const findMany = vi.spyOn(db().customer, "findMany").mockRejectedValueOnce(new Error("connection reset"));
    try {
      const response = await listCustomers(apiRequest("/api/v1/customers", { key }), routeParams({}));
      expect(response.status).toBe(500);
      const { error } = await response.json();
      expect(error).toMatchObject({ code: "INTERNAL", fields: [] });
      expect(error.message).not.toContain("connection reset");
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0]?.[0])).toContain("GET /api/v1/customers");
    } finally {
      findMany.mockRestore();
      log.mockRestore();
    }
  });
});

describe("PUT /api/v1/customers/{externalId}", () => {
  it("creates the customer (201), then updates it (200), with plain JSON field names", async () => {
    const { key } = await makeApiKey();
    const externalId = uniqueId("hooli");
    const created = await put(externalId, key, JSON.stringify(customerBody));
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`/api/v1/customers/${externalId}`);
    const body = await created.json();
    expect(body).toEqual({
      id: expect.any(String),
      externalId,
      name: "Hooli",
      currency: "EUR",
      timezone: "Europe/Berlin",
      legalName: null,
      address: null,
      taxId: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });

    const updated = await put(externalId, key, JSON.stringify({ ...customerBody, name: "Hooli XYZ" }));
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ id: body.id, name: "Hooli XYZ" });

    const unchanged = await put(externalId, key, JSON.stringify({ ...customerBody, name: "Hooli XYZ" }));
    expect(unchanged.status).toBe(200);
  });

  it("answers 400 naming every invalid field", async () => {
    const { key } = await makeApiKey();
    const response = await put(uniqueId("bad"), key, JSON.stringify({ name: "", currency: "EURO" }));
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fields.map((f: { path: string }) => f.path).sort()).toEqual(["currency", "name", "timezone"]);
    expect(error.fields.find((f: { path: string }) => f.path === "currency").message).toMatch(/ISO 4217/);
  });

  it("answers 400 for an external id in the path that is not allowed", async () => {
    const { key } = await makeApiKey();
    const response = await put("has space", key, JSON.stringify(customerBody));
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toEqual([{ path: "externalId", message: expect.any(String) }]);
  });

  it("answers 400 naming the request as the field when the body is not JSON, and when it is not an object", async () => {
    const { key } = await makeApiKey();
    const notJson = await put(uniqueId("x"), key, "{ name: Hooli");
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: "The request body is not valid JSON.",
        fields: [{ path: "(request)", message: expect.stringMatching(/in JSON at position 2/) }],
      },
    });
    const notUtf8 = await put(uniqueId("x"), key, new Uint8Array([0x7b, 0xff, 0x7d]));
    expect((await notUtf8.json()).error.fields).toEqual([
      { path: "(request)", message: "Send the body as UTF-8 text." },
    ]);
    const array = await put(uniqueId("x"), key, "[1, 2]");
    expect(array.status).toBe(400);
    expect((await array.json()).error.fields).toEqual([{ path: "(request)", message: expect.any(String) }]);
  });

  it("answers 413 for a body over 1 MB, whether or not Content-Length says so", async () => {
    const { key } = await makeApiKey();
    const oversized = JSON.stringify({ ...customerBody, name: "x".repeat(1_100_000) });
    const streamed = await put(uniqueId("big"), key, oversized);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual({
      error: { code: "PAYLOAD_TOO_LARGE", message: "The request body is over 1 MB.", fields: [] },
    });
    const declared = await put(uniqueId("big"), key, "{}", { "content-length": "5000000" });
    expect(declared.status).toBe(413);
  });
});

describe("GET /api/v1/customers", () => {
  it("reads one customer by its external id, and answers 404 for an unknown one", async () => {
    const { key } = await makeApiKey();
    const customer = await makeCustomer();
    const found = await getCustomer(
      apiRequest(`/api/v1/customers/${customer.externalId}`, { key }),
      routeParams({ externalId: customer.externalId }),
    );
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ id: customer.id, externalId: customer.externalId, currency: "USD" });

    const missing = await getCustomer(
      apiRequest("/api/v1/customers/nobody", { key }),
      routeParams({ externalId: uniqueId("nobody") }),
    );
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe("NOT_FOUND");
  });

  it("lists customers in external-id order, a page at a time", async () => {
    const { key } = await makeApiKey();
    const tag = uniqueId("page");
    await Promise.all(["a", "b", "c"].map((suffix) => makeCustomerWithExternalId(`${tag}-${suffix}`)));
    const pageOf = async (query: string) => {
      const response = await listCustomers(apiRequest(`/api/v1/customers?${query}`, { key }), routeParams({}));
      expect(response.status).toBe(200);
      return response.json();
    };
    const first = await pageOf(`limit=2&after=${tag}`);
    expect(first.data.map((c: { externalId: string }) => c.externalId)).toEqual([`${tag}-a`, `${tag}-b`]);
    expect(first.nextAfter).toBe(`${tag}-b`);
    const second = await pageOf(`limit=2&after=${first.nextAfter}`);
    expect(second.data[0].externalId).toBe(`${tag}-c`);

    const invalid = await listCustomers(apiRequest("/api/v1/customers?limit=0", { key }), routeParams({}));
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.fields[0].path).toBe("limit");
  });
});

describe("readJsonBody", () => {
  it("counts the bytes actually streamed, not what the sender declares", async () => {
    const chunks = [new TextEncoder().encode('{"a":"'), new TextEncoder().encode(`${"y".repeat(200)}"}`)];
    const body = new ReadableStream({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
    const request = new Request("http://localhost/x", {
      method: "POST",
      body,
      headers: { "content-length": "10" },
      duplex: "half",
    } as RequestInit);
    await expect(readJsonBody(request, 100)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

async function makeCustomerWithExternalId(externalId: string) {
  const { key } = await makeApiKey();
  const response = await put(externalId, key, JSON.stringify(customerBody));
  expect(response.status).toBe(201);
}

describe("a customer's legal details", () => {
  it("are set by PUT, kept when a later PUT leaves them out, and cleared by an empty string", async () => {
    const { key } = await makeApiKey();
    const externalId = uniqueId("legal");
    const legal = { legalName: "Hooli XYZ, Inc.", address: "1 Hooli Way\nPalo Alto", taxId: "US 11-2233445" };
    expect(await (await put(externalId, key, JSON.stringify({ ...customerBody, ...legal }))).json()).toMatchObject(
      legal,
    );
    expect(await (await put(externalId, key, JSON.stringify(customerBody))).json()).toMatchObject(legal);
    const cleared = await put(externalId, key, JSON.stringify({ ...customerBody, taxId: "" }));
    expect(await cleared.json()).toMatchObject({ legalName: legal.legalName, taxId: null });
  });
});
