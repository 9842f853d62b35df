// One JSON spelling per value, for hashing: audit entries and ingested events alike.

/**
 * JSON with object keys sorted at every level. Stored documents are jsonb, which does not
 * keep key order, so a hash must not depend on it.
 *
 * Built as one string in a single walk (no entry arrays, no intermediate joins): ingestion
 * hashes every event, so this is on the hot path. Keys sort by UTF-16 code units (the
 * default sort, the same order as `<`); undefined properties are left out; undefined array
 * items are `null`.
 */
export function canonicalJson(value: unknown): string {
  return write(value) as string;
}

function write(value: unknown): string | undefined {
  if (value === null || value === undefined) return "null";
  if (typeof value !== "object") {
    return typeof value === "bigint" ? JSON.stringify(value.toString()) : JSON.stringify(value);
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      // Holes and unserializable items (functions) stay empty, as map + join leave them.
      if (i in value) out += write(value[i]) ?? "";
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) out += ",";
    first = false;
    out += `${JSON.stringify(key)}:${write(item)}`;
  }
  return `${out}}`;
}
