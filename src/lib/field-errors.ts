// Field errors of a failed tRPC call, keyed by dotted path ("outcomePrices.0.tiers.1.upTo"):
// the server's error formatter puts every one in `data.fields`, so forms show each message
// next to its own field.

export type FieldErrors = Record<string, string>;

/** `prefix` is dropped from the paths, e.g. "terms." when the form's values travel as `{ terms }`. */
export function fieldErrorsOf(error: unknown, prefix = ""): FieldErrors {
  const fields =
    error && typeof error === "object" && "data" in error && error.data && typeof error.data === "object"
      ? (error.data as { fields?: unknown }).fields
      : undefined;
  if (!Array.isArray(fields)) return {};
  const errors: FieldErrors = {};
  for (const f of fields) {
    if (!f || typeof f.path !== "string" || typeof f.message !== "string") continue;
    const path = f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path;
    if (!(path in errors)) errors[path] = f.message;
  }
  return errors;
}
