// The provider's API keys, newest first: names, prefixes and use, never secrets or hashes.
import { db } from "@/server/db";
import { apiKeyPublicFields } from "./api-key-fields";

export async function listApiKeys() {
  return db().apiKey.findMany({ select: apiKeyPublicFields, orderBy: [{ createdAt: "desc" }, { prefix: "asc" }] });
}
