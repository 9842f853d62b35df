// What every surface may see of an API key: never its hash, never the key itself.
export const apiKeyPublicFields = {
  id: true,
  name: true,
  prefix: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;
