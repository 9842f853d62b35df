import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { db } from "@/server/db";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { uniqueId } from "../support/fixtures";

const run = promisify(execFile);

afterAll(closeApiRateLimiter);

async function apikeyCli(...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "scripts/apikey.ts", ...args], { env: process.env }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
}

describe("npm run apikey", () => {
  it("create prints exactly the new key on stdout, and the key works", async () => {
    const name = uniqueId("cli");
    const created = await apikeyCli("create", "--name", name);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^olk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}\n$/);
    expect(created.stderr).toContain(name);
    const key = created.stdout.trim();
    const actor = await authenticateApiKey({ authorization: `Bearer ${key}` });
    const row = await db().apiKey.findUniqueOrThrow({ where: { id: actor.apiKeyId } });
    expect(row.createdById).toBeNull();
    const entry = await db().auditEntry.findFirstOrThrow({ where: { subjectId: row.id, action: "api_key.created" } });
    expect(entry.actorId).toBe("system:cli");

    const listed = await apikeyCli("list");
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${row.prefix}\\tactive\\t.*\\t${name}$`, "m"));
    expect(listed.stdout).not.toContain(key);

    const revoked = await apikeyCli("revoke", "--prefix", row.prefix);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(revoked.stderr).toMatch(/Revoked/);
    await expect(authenticateApiKey({ authorization: `Bearer ${key}` })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const again = await apikeyCli("revoke", "--prefix", row.prefix);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/already revoked/);
  });

  it.each([
    [["create"], /--name/],
    [["create", "--name", ""], /Give the key a name/],
    [["revoke", "--prefix", "olk_00000000"], /not found/],
    [["revoke", "--prefix", "nonsense"], /olk_ and 8 hexadecimal/],
    [["frobnicate"], /Unknown command/],
    [[], /Name a command/],
  ])("refuses %j with exit code 1, a clear message and nothing on stdout", async (args, message) => {
    const result = await apikeyCli(...args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
  });
});
