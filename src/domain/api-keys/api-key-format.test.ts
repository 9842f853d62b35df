import { describe, expect, it } from "vitest";
import {
  API_KEY_LENGTH,
  API_KEY_PREFIX_PATTERN,
  generateApiKey,
  hashApiKey,
  isWellFormedApiKey,
} from "./api-key-format";

describe("API key format", () => {
  it("makes keys of the form olk_<8 hex>_<43 base64url> whose prefix is their start", () => {
    const { key, prefix, secretHash } = generateApiKey();
    expect(key).toHaveLength(API_KEY_LENGTH);
    expect(isWellFormedApiKey(key)).toBe(true);
    expect(prefix).toMatch(API_KEY_PREFIX_PATTERN);
    expect(key.startsWith(`${prefix}_`)).toBe(true);
    expect(secretHash).toBe(hashApiKey(key));
    expect(secretHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("never makes the same key twice", () => {
    const keys = new Set(Array.from({ length: 1_000 }, () => generateApiKey().key));
    expect(keys.size).toBe(1_000);
  });

  it("rejects anything that is not exactly a key", () => {
    const { key } = generateApiKey();
    for (const candidate of [
      "",
      key.slice(0, -1),
      `${key}x`,
      key.replace("olk_", "olx_"),
      ` ${key}`,
      `${key.slice(0, -1)}=`,
    ]) {
      expect(isWellFormedApiKey(candidate), candidate).toBe(false);
    }
  });
});
