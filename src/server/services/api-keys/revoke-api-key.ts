// Revokes an API key at once: every later request with it is refused. Revoking a key that is
// already revoked changes nothing and says so; it is not an error.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { API_KEY_PREFIX_PATTERN } from "@/domain/api-keys/api-key-format";
import { clock } from "@/server/clock";
import { transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { apiKeyPublicFields } from "./api-key-fields";

export const RevokeApiKeyInput = z.object({
  prefix: text("Name the key by its prefix, e.g. olk_3f9a2c1b.")
    .trim()
    .regex(API_KEY_PREFIX_PATTERN, "A key's prefix looks like olk_3f9a2c1b: olk_ and 8 hexadecimal characters."),
});
export type RevokeApiKeyInput = z.input<typeof RevokeApiKeyInput>;

export async function revokeApiKey({ actor, input }: { actor: Actor; input: RevokeApiKeyInput }) {
  const { prefix } = RevokeApiKeyInput.parse(input);
  return transaction(async (tx) => {
    // The condition on revokedAt makes two concurrent revocations record one change.
    const { count } = await tx.apiKey.updateMany({
      where: { prefix, revokedAt: null },
      data: { revokedAt: clock.now() },
    });
    const apiKey = await tx.apiKey.findUnique({ where: { prefix }, select: apiKeyPublicFields });
    if (!apiKey) throw AppError.notFound("The API key");
    if (count === 0) return { apiKey, alreadyRevoked: true };
    await appendAuditEntry(tx, {
      actor,
      action: "api_key.revoked",
      subjectType: "api_key",
      subjectId: apiKey.id,
      customerId: null,
      before: { name: apiKey.name, prefix: apiKey.prefix, revokedAt: null },
      after: { name: apiKey.name, prefix: apiKey.prefix, revokedAt: apiKey.revokedAt },
    });
    return { apiKey, alreadyRevoked: false };
  });
}
