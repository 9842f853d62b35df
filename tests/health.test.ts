import { afterAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/health/route";
import { disconnectDb } from "@/server/db";

describe("GET /api/health", () => {
  const realUrl = process.env.DATABASE_URL;
  afterAll(async () => {
    process.env.DATABASE_URL = realUrl;
    await disconnectDb();
  });

  it("answers 200 with the database up", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok", database: { status: "up" } });
  });

  it("answers 503 when the database cannot be reached", async () => {
    await disconnectDb();
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
    const response = await GET();
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ database: { status: "down" } });
  });
});
