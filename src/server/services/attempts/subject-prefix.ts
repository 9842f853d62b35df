/**
 * The subjects starting with `prefix`, as a range [gte, lt) in byte order (the attempt's subject
 * column is COLLATE "C"; UTF-8 byte order is code point order). A range rather than LIKE because
 * its operators are leakproof, so row-level security lets the index serve it (see the migration
 * attempt_subject_bytewise). `lt` is the prefix with its last code point raised by one, skipping
 * the surrogates UTF-8 cannot hold; absent when every code point is already the highest.
 */
export function subjectPrefixRange(prefix: string): { gte: string; lt?: string } {
  const points = Array.from(prefix, (c) => c.codePointAt(0)!);
  while (points.length > 0) {
    const last = points.pop()!;
    if (last < 0x10ffff) {
      points.push(last === 0xd7ff ? 0xe000 : last + 1);
      return { gte: prefix, lt: String.fromCodePoint(...points) };
    }
  }
  return { gte: prefix };
}
