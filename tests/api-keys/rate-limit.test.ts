import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listCustomers } from "@/app/api/v1/customers/route";
import { closeApiRateLimiter, createApiRateLimiter, RateLimitedError } from "@/server/api/rate-limit";
import { db } from "@/server/db";
import { apiRequest, makeApiKey, routeParams } from "../support/api-keys";

// The process-wide limiter reads this on first use: three requests per minute per key here.
beforeAll(() => {
  process.env.API_RATE_LIMIT_PER_MINUTE = "3";
});
afterAll(async () => {
  delete process.env.API_RATE_LIMIT_PER_MINUTE;
  await closeApiRateLimiter();
});

describe("rate limit per API key", () => {
  it("answers 429 RATE_LIMITED with Retry-After once a key is over its limit, leaving other keys alone", async () => {
    const busy = await makeApiKey();
    const calm = await makeApiKey();
    const call = (key: string) => listCustomers(apiRequest("/api/v1/customers", { key }), routeParams({}));
    for (let i = 0; i < 3; i++) expect((await call(busy.key)).status).toBe(200);

    const refused = await call(busy.key);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: `This API key sent more than 3 requests in one minute. Retry in ${retryAfter} seconds.`,
        fields: [],
      },
    });
    expect((await call(calm.key)).status).toBe(200);
  });

  it("keeps the count in PostgreSQL, so a second instance sees the same limit", async () => {
    const { apiKey } = await makeApiKey();
    const actor = { kind: "api-key" as const, apiKeyId: apiKey.id, label: apiKey.name };
    const databaseUrl = process.env.DATABASE_URL!;
    const [one, two] = [1, 2].map(() => createApiRateLimiter({ pointsPerMinute: 3, databaseUrl }));
    try {
      await one!.consume(actor);
      await two!.consume(actor);
      await one!.consume(actor);
      await expect(two!.consume(actor)).rejects.toBeInstanceOf(RateLimitedError);
      await expect(two!.consume(actor)).rejects.toMatchObject({ code: "RATE_LIMITED" });
      const [row] = await db().$queryRaw<{ points: number }[]>`
        SELECT points FROM api_rate_limit WHERE key = ${`api-key:${apiKey.id}`}`;
      expect(row?.points).toBe(4);
    } finally {
      await Promise.all([one!.close(), two!.close()]);
    }
  });
});
