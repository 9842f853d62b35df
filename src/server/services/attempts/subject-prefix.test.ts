import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { subjectPrefixRange } from "./subject-prefix";

/** PostgreSQL's COLLATE "C" order on UTF-8 text: byte order, which is code point order. */
const compareBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
const inRange = (s: string, r: { gte: string; lt?: string }) =>
  compareBytes(s, r.gte) >= 0 && (r.lt === undefined || compareBytes(s, r.lt) < 0);

// Characters near the edges that matter: ASCII, LIKE's wildcards, the last one before the
// surrogates, the first after them, astral ones and the highest code point.
const edgy = fc.constantFrom("a", "b", "%", "_", "\\", "\u00ff", "\ud7ff", "\ue000", "\uffff", "😀", "\u{10ffff}");
const text = fc
  .array(fc.oneof(edgy, fc.string({ unit: "grapheme", maxLength: 1 })), { maxLength: 6 })
  .map((cs) => cs.join(""));

describe("subjectPrefixRange", () => {
  it("holds exactly the strings that start with the prefix, in byte order", () => {
    fc.assert(
      fc.property(
        text.filter((p) => p.length > 0),
        text,
        text,
        (prefix, tail, other) => {
          const range = subjectPrefixRange(prefix);
          expect(inRange(prefix + tail, range)).toBe(true);
          expect(inRange(other, range)).toBe(other.startsWith(prefix));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("raises the last code point, past the surrogates and the highest code point", () => {
    expect(subjectPrefixRange("INV-1")).toEqual({ gte: "INV-1", lt: "INV-2" });
    expect(subjectPrefixRange("a\ud7ff")).toEqual({ gte: "a\ud7ff", lt: "a\ue000" });
    expect(subjectPrefixRange("a\u{10ffff}")).toEqual({ gte: "a\u{10ffff}", lt: "b" });
    expect(subjectPrefixRange("\u{10ffff}\u{10ffff}")).toEqual({ gte: "\u{10ffff}\u{10ffff}" });
  });
});
