// Creates an API key for the provider's systems. The key is returned this once; only its
// SHA-256 is stored, and the audit entry names the key by its prefix, never its secret.
import { z } from "zod";
import type { Actor } from "@/domain/actor";
import { generateApiKey } from "@/domain/api-keys/api-key-format";
import { type Tx, transaction } from "@/server/db";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { apiKeyPublicFields } from "./api-key-fields";

export const CreateApiKeyInput = z.object({
  name: text("Give the key a name.")
    .trim()
    .min(1, "Give the key a name, e.g. the system that will use it.")
    .max(100, "Keep the key's name under 100 characters."),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>;

export async function createApiKey({ actor, input }: { actor: Actor; input: CreateApiKeyInput }) {
  const { name } = CreateApiKeyInput.parse(input);
  return transaction(async (tx) => {
    const { key, prefix, secretHash } = await unusedKey(tx);
    const apiKey = await tx.apiKey.create({
      data: { name, prefix, secretHash, createdById: actor.kind === "user" ? actor.userId : null },
      select: apiKeyPublicFields,
    });
    await appendAuditEntry(tx, {
      actor,
      action: "api_key.created",
      subjectType: "api_key",
      subjectId: apiKey.id,
      customerId: null,
      after: { name: apiKey.name, prefix: apiKey.prefix },
    });
    return { apiKey, key };
  });
}

/** Prefixes are 32 random bits: a clash is rare but possible once there are many keys. */
async function unusedKey(tx: Tx) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const candidate = generateApiKey();
    if (!(await tx.apiKey.findUnique({ where: { prefix: candidate.prefix }, select: { id: true } }))) return candidate;
  }
  throw new Error("Could not find an unused API key prefix in 5 attempts.");
}
