import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "./proxy";

describe("the proxy", () => {
  it("answers a path that is not valid percent-encoding with the REST error body and 400, not Next's bare 500", async () => {
    const response = proxy(new NextRequest("http://localhost/api/v1/events/evt-%E0%A4%A/void", { method: "POST" }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      code: "VALIDATION_FAILED",
      fields: [{ path: "(request)", message: expect.stringContaining("percent-encoding") }],
    });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("passes valid paths on, telling pages which path was asked for", () => {
    const page = proxy(new NextRequest("http://localhost/outcomes?status=billable"));
    expect(page.headers.get("x-middleware-request-x-pathname")).toBe("/outcomes?status=billable");
    const api = proxy(new NextRequest("http://localhost/api/v1/events/evt-50%25-x/void"));
    expect(api.headers.get("x-middleware-next")).toBe("1");
  });
});
