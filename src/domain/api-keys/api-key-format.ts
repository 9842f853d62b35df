// What an API key looks like and how it is stored. A key is `olk_<8 hex>_<43 base64url>`:
// the first part (the prefix) is public and tells keys apart in lists and logs; the rest is
// 32 random bytes. Only the SHA-256 of the whole key is stored. A fast hash is enough here
// (unlike passwords) because the secret has 256 bits of entropy: there is nothing to guess.
import { createHash, randomBytes } from "node:crypto";

const KEY_PATTERN = /^olk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/;
export const API_KEY_PREFIX_PATTERN = /^olk_[0-9a-f]{8}$/;
/** `olk_` + 8 + `_` + 43. */
export const API_KEY_LENGTH = 56;

export interface NewApiKey {
  /** The whole key, shown to its owner once and never stored. */
  key: string;
  prefix: string;
  secretHash: string;
}

export function generateApiKey(): NewApiKey {
  const prefix = `olk_${randomBytes(4).toString("hex")}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  return { key, prefix, secretHash: hashApiKey(key) };
}

/** The stored form of a key: SHA-256 of the whole key, in lowercase hex (64 characters). */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function isWellFormedApiKey(candidate: string): boolean {
  return KEY_PATTERN.test(candidate);
}
