// Turns a request's Authorization header into the API key actor it names, or refuses it with
// a message that tells the caller what to fix. Keys are found by the hash of the whole key.
import type { Actor } from "@/domain/actor";
import { hashApiKey, isWellFormedApiKey } from "@/domain/api-keys/api-key-format";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export type ApiKeyActor = Extract<Actor, { kind: "api-key" }>;

/** How stale lastUsedAt may get: a busy key writes it once a minute, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateApiKey({ authorization }: { authorization: string | null }): Promise<ApiKeyActor> {
  const key = bearerToken(authorization);
  const apiKey = await db().apiKey.findUnique({
    where: { secretHash: hashApiKey(key) },
    select: { id: true, name: true, prefix: true, lastUsedAt: true, revokedAt: true },
  });
  if (!apiKey) throw unauthenticated("This API key is not valid. Check that it was copied whole, or create a new one.");
  if (apiKey.revokedAt) {
    throw unauthenticated(
      `This API key (${apiKey.prefix}) was revoked on ${apiKey.revokedAt.toISOString()}. Create a new one in Settings.`,
    );
  }
  await recordUse(apiKey.id, apiKey.lastUsedAt);
  return { kind: "api-key", apiKeyId: apiKey.id, label: `API key ${apiKey.name} (${apiKey.prefix})` };
}

function bearerToken(authorization: string | null): string {
  if (!authorization?.trim()) {
    throw unauthenticated("Send your API key in the Authorization header: `Authorization: Bearer olk_…`.");
  }
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization.trim());
  if (!match) throw unauthenticated("The Authorization header must read `Bearer <API key>`.");
  const key = match[1]!;
  if (!isWellFormedApiKey(key)) {
    throw unauthenticated("This is not an Outcome Ledger API key: keys look like olk_<8 characters>_<43 characters>.");
  }
  return key;
}

async function recordUse(apiKeyId: string, lastUsedAt: Date | null): Promise<void> {
  const now = clock.now().getTime();
  if (lastUsedAt && now - lastUsedAt.getTime() < LAST_USED_RESOLUTION_MS) return;
  const staleBefore = new Date(now - LAST_USED_RESOLUTION_MS);
  // Conditional, so that instances racing on the same key write it once.
  await db().apiKey.updateMany({
    where: { id: apiKeyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
    data: { lastUsedAt: new Date(now) },
  });
}

function unauthenticated(message: string): AppError {
  return new AppError("UNAUTHENTICATED", message);
}
