// Cross-site request forgery: state-changing requests that authenticate by the session cookie
// come only from the app's own pages (see src/server/http/same-origin.ts).
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as nextAuthPost } from "@/app/api/auth/[...nextauth]/route";
import { GET as trpcGet, POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { sessionRoute } from "@/server/api/session-route";
import { currentActor } from "@/server/auth/current-actor";
import { db } from "@/server/db";
import { createRequestContext } from "@/server/trpc/context";
import { routeParams } from "../support/api-keys";
import { makeCustomer, makeUser } from "../support/fixtures";

// The session is next-auth's cookie; here the actor it would resolve to is set directly.
vi.mock(import("@/server/auth/current-actor"), async (original) => ({ ...(await original()), currentActor: vi.fn() }));
vi.mock(import("@/server/trpc/context"), async (original) => ({
  ...(await original()),
  createRequestContext: vi.fn(),
}));

const APP = "http://localhost:3000";
const EVIL = "https://evil.example";

let finance: Awaited<ReturnType<typeof makeUser>>;
let customerId: string;

beforeAll(async () => {
  customerId = (await makeCustomer()).id;
  finance = await makeUser("finance", customerId);
});

beforeEach(() => {
  vi.stubEnv("NEXTAUTH_URL", APP);
  vi.mocked(currentActor).mockResolvedValue(finance);
  vi.mocked(createRequestContext).mockImplementation(async (resHeaders) => ({
    actor: finance,
    viewedCustomerId: null,
    resHeaders,
  }));
});
afterEach(() => vi.unstubAllEnvs());

/** An unread notification of the finance user, which `notifications.markRead` (no input) marks read. */
async function unreadNotification() {
  return db().notification.create({
    data: { customerId, userId: finance.userId, kind: "test", title: "Test", body: "Test", link: "/dashboard" },
  });
}
const isRead = async (id: string) => (await db().notification.findUniqueOrThrow({ where: { id } })).readAt !== null;

function markRead(headers: Record<string, string>, body: BodyInit = "{}") {
  return trpcPost(new Request(`${APP}/api/trpc/notifications.markRead`, { method: "POST", headers, body }));
}

const JSON_TYPE = { "content-type": "application/json" };

describe("tRPC mutations", () => {
  it("refuses a form or text body, which another site's page can send without a preflight", async () => {
    const notification = await unreadNotification();
    const form = new FormData();
    form.set("anything", "1");
    const bodies: [string, Record<string, string>, BodyInit][] = [
      ["multipart", { origin: APP }, form],
      ["urlencoded", { origin: APP, "content-type": "application/x-www-form-urlencoded" }, "a=1"],
      ["text", { origin: APP, "content-type": "text/plain" }, "{}"],
      ["octet-stream", { origin: APP, "content-type": "application/octet-stream" }, "{}"],
      ["none", { origin: APP }, ""],
    ];
    for (const [label, headers, body] of bodies) {
      const response = await markRead(headers, body);
      expect(response.status, label).toBe(400);
      expect(await response.json(), label).toEqual({
        error: {
          code: "VALIDATION_FAILED",
          message: expect.stringContaining("application/json"),
          fields: [{ path: "(request)", message: expect.stringContaining("application/json") }],
        },
      });
    }
    expect(await isRead(notification.id)).toBe(false);
  });

  it.each([
    ["a foreign Origin", { origin: EVIL }],
    ["a sibling subdomain", { origin: "http://evil.localhost:3000" }],
    ["another port", { origin: "http://localhost:4000" }],
    ["another scheme", { origin: "https://localhost:3000" }],
    ["Origin: null (sandboxed frame, data: URL)", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site without Origin", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { origin: APP, "sec-fetch-site": "same-site" }],
    ["Sec-Fetch-Site: cross-site with a forged matching Origin", { origin: APP, "sec-fetch-site": "cross-site" }],
  ])("refuses a JSON call from %s with FORBIDDEN in the one error body", async (_label, headers) => {
    const notification = await unreadNotification();
    const response = await markRead({ ...JSON_TYPE, ...headers });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: {
        code: "FORBIDDEN",
        message: "This request came from another site, so it was refused. Open Outcome Ledger itself and try again.",
        fields: [],
      },
    });
    expect(await isRead(notification.id)).toBe(false);
  });

  it.each([
    ["the app's own page", { origin: APP, "sec-fetch-site": "same-origin" }],
    ["the app's origin without Sec-Fetch-Site", { origin: APP }],
    ["a typed-in request (Sec-Fetch-Site: none)", { "sec-fetch-site": "none" }],
    ["a script without Origin (not a browser page, so no victim's cookie)", {}],
  ])("runs a JSON call from %s", async (_label, headers) => {
    const notification = await unreadNotification();
    const response = await markRead({ ...JSON_TYPE, "content-type": "application/json; charset=utf-8", ...headers });
    expect(response.status).toBe(200);
    expect(await isRead(notification.id)).toBe(true);
  });

  it("lets reads through from anywhere: a GET changes nothing and another site cannot read the answer", async () => {
    const response = await trpcGet(
      new Request(`${APP}/api/trpc/notifications.list`, { headers: { "sec-fetch-site": "cross-site" } }),
    );
    expect(response.status).toBe(200);
  });

  it("takes the request's own host as the app's origin when NEXTAUTH_URL is unset, as a proxy reports it", async () => {
    vi.stubEnv("NEXTAUTH_URL", "");
    const behindProxy = {
      ...JSON_TYPE,
      host: "app:3000",
      "x-forwarded-host": "billing.example.com",
      "x-forwarded-proto": "https",
    };
    const accepted = await markRead({ ...behindProxy, origin: "https://billing.example.com" });
    expect(accepted.status).toBe(200);
    const refused = await markRead({ ...behindProxy, origin: "http://app:3000" });
    expect(refused.status).toBe(403);
    const direct = await markRead({ ...JSON_TYPE, origin: APP });
    expect(direct.status).toBe(200);
  });
});

describe("portal routes (sessionRoute)", () => {
  const handler = vi.fn(async () => new Response("done"));
  const route = sessionRoute(handler);
  beforeEach(() => handler.mockClear());

  it("refuses a state-changing request from another site before it reaches the handler", async () => {
    const foreign: Record<string, string>[] = [
      { origin: EVIL },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ];
    for (const headers of foreign) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const response = await route(new Request(`${APP}/api/portal/x`, { method, headers }), routeParams({}));
        expect(response.status, `${method} ${JSON.stringify(headers)}`).toBe(403);
        expect((await response.json()).error.code).toBe("FORBIDDEN");
      }
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("runs one from the app's own pages, and downloads (GET) from anywhere", async () => {
    const own = await route(
      new Request(`${APP}/api/portal/x`, { method: "POST", headers: { origin: APP, "sec-fetch-site": "same-origin" } }),
      routeParams({}),
    );
    expect(own.status).toBe(200);
    const download = await route(
      new Request(`${APP}/api/portal/x`, { headers: { "sec-fetch-site": "cross-site" } }),
      routeParams({}),
    );
    expect(download.status).toBe(200);
    expect(handler).toHaveBeenCalledTimes(2);
  });
});

describe("next-auth", () => {
  it.each(["signin/credentials", "callback/credentials", "signout"])(
    "refuses POST /api/auth/%s from another site before next-auth reads it",
    async (action) => {
      const response = await nextAuthPost(
        new Request(`${APP}/api/auth/${action}`, {
          method: "POST",
          headers: { origin: EVIL, "content-type": "application/x-www-form-urlencoded" },
          body: "email=finance%40example.test&password=x&csrfToken=x",
        }),
        routeParams({ nextauth: action.split("/") }),
      );
      expect(response.status).toBe(403);
      expect((await response.json()).error).toMatchObject({ code: "FORBIDDEN" });
    },
  );
});
