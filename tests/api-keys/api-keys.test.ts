import type { TRPCError } from "@trpc/server";
import { afterAll, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { generateApiKey, hashApiKey } from "@/domain/api-keys/api-key-format";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { fieldErrorsFromZod } from "@/server/errors";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { listApiKeys } from "@/server/services/api-keys/list-api-keys";
import { revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import { makeApiKey } from "../support/api-keys";
import { callerFor, makeUser, testActor, uniqueId } from "../support/fixtures";

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

afterAll(closeApiRateLimiter);

describe("API keys", () => {
  it("creates a key, shown once, that authenticates as an API key actor", async () => {
    const name = uniqueId("Support bot");
    const { apiKey, key } = await makeApiKey(name);
    expect(key).toMatch(/^olk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(`${apiKey.prefix}_`)).toBe(true);
    await expect(authenticateApiKey(bearer(key))).resolves.toEqual({
      kind: "api-key",
      apiKeyId: apiKey.id,
      label: `API key ${name} (${apiKey.prefix})`,
    });
  });

  it("stores only the SHA-256 of the key, never the key or its secret part", async () => {
    const { apiKey, key } = await makeApiKey();
    const [row] = await db().$queryRaw<{ id: string; secretHash: string; whole: string }[]>`
      SELECT id, "secretHash", row_to_json(k)::text AS whole FROM api_key k WHERE id = ${apiKey.id}::uuid`;
    expect(row?.secretHash).toBe(hashApiKey(key));
    const secret = key.slice(apiKey.prefix.length + 1);
    expect(row?.whole).not.toContain(secret);
    const audit = await db().auditEntry.findFirstOrThrow({
      where: { subjectId: apiKey.id, action: "api_key.created" },
    });
    expect(audit.after).toEqual({ name: apiKey.name, prefix: apiKey.prefix });
    const listed = (await listApiKeys()).find((k) => k.id === apiKey.id);
    expect(listed).toEqual({ ...apiKey, lastUsedAt: null });
    expect(listed).not.toHaveProperty("secretHash");
  });

  it.each([
    ["no Authorization header", null, /Authorization header/],
    ["an empty header", "   ", /Authorization header/],
    ["another scheme", "Basic dXNlcjpwYXNz", /Bearer <API key>/],
    ["a malformed key", "Bearer olk_nothex!!_short", /not an Outcome Ledger API key/],
    ["a well-formed key nobody created", `Bearer ${generateApiKey().key}`, /not valid/],
  ])("refuses %s with UNAUTHENTICATED", async (_case, authorization, message) => {
    await expect(authenticateApiKey({ authorization })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: expect.stringMatching(message),
    });
  });

  it("refuses a revoked key, and revoking records who did it once; revoking again changes nothing", async () => {
    const { apiKey, key } = await makeApiKey();
    const admin = await makeUser("admin");
    const first = await revokeApiKey({ actor: admin, input: { prefix: apiKey.prefix } });
    expect(first).toMatchObject({ alreadyRevoked: false, apiKey: { id: apiKey.id, revokedAt: expect.any(Date) } });
    await expect(authenticateApiKey(bearer(key))).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: expect.stringMatching(/revoked/),
    });

    const again = await revokeApiKey({ actor: admin, input: { prefix: apiKey.prefix } });
    expect(again).toEqual({ alreadyRevoked: true, apiKey: first.apiKey });
    const entries = await db().auditEntry.findMany({ where: { subjectId: apiKey.id, action: "api_key.revoked" } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: `user:${admin.userId}`, subjectType: "api_key" });
  });

  it("answers NOT_FOUND for revoking a prefix that names no key", async () => {
    await expect(revokeApiKey({ actor: testActor, input: { prefix: "olk_00000000" } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("records the last use at most once a minute", async () => {
    const { apiKey, key } = await makeApiKey();
    await authenticateApiKey(bearer(key));
    const firstUse = (await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;
    expect(firstUse).toBeInstanceOf(Date);
    await authenticateApiKey(bearer(key));
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).toEqual(firstUse);

    const twoMinutesAgo = new Date(clock.now().getTime() - 120_000);
    await db().apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: twoMinutesAgo } });
    await authenticateApiKey(bearer(key));
    const refreshed = (await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;
    expect(refreshed!.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);
  });
});

describe("apiKeys procedures", () => {
  it("let an admin create, list and revoke keys, naming the user as creator", async () => {
    const admin = await makeUser("admin");
    const caller = callerFor(admin);
    const { apiKey, key } = await caller.apiKeys.create({ name: "  Lead scorer  " });
    expect(apiKey.name).toBe("Lead scorer");
    expect((await db().apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).createdById).toBe(admin.userId);
    expect((await caller.apiKeys.list()).map((k) => k.prefix)).toContain(apiKey.prefix);
    await caller.apiKeys.revoke({ prefix: apiKey.prefix });
    await expect(authenticateApiKey(bearer(key))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it.each([
    ["an empty name", "   ", /Give the key a name/],
    ["a name over 100 characters", "x".repeat(101), /under 100 characters/],
  ])("refuse %s with the field that is wrong", async (_case, name, message) => {
    const caller = callerFor(await makeUser("admin"));
    const error = await caller.apiKeys.create({ name }).catch((e: TRPCError) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST", cause: expect.any(ZodError) });
    expect(fieldErrorsFromZod((error as TRPCError).cause as ZodError)).toEqual([
      { path: "name", message: expect.stringMatching(message) },
    ]);
  });

  it("are for admins only", async () => {
    const reviewer = callerFor(await makeUser("reviewer"));
    await expect(reviewer.apiKeys.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(reviewer.apiKeys.create({ name: "sneaky" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
