// Values that have broken servers before, for the fuzz tests: text PostgreSQL refuses, text
// that changes length when trimmed or lower-cased, numbers past every integer type, dates
// that JS and PostgreSQL read differently, deep nesting, huge arrays and prototype keys.
// Huge values are made fresh on each draw (fast-check may keep and print what it drew, so a
// failure report names them by a short description; see `describeValue`).
import fc from "fast-check";

const MB = 1_048_576;

export const HOSTILE_STRINGS: readonly string[] = [
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "ticket-\u0000-1",
  "\ud800",
  "a\udc00b",
  "\ud83d",
  "\u202eevil\u202c",
  "zero\u200bwidth\ufeff",
  "👩‍👩‍👧‍👦💩",
  "İ", // lower-cases to two code units
  "ß", // upper-cases to "SS"
  "e\u0301",
  "%",
  "%00",
  "%zz",
  "..",
  "../../etc/passwd",
  "a/b\\c",
  "' OR 1=1 --",
  '"; DROP TABLE customer; --',
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the text of a log4j lookup, not a template.
  "${jndi:ldap://x}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "toString",
  "null",
  "undefined",
  "true",
  "NaN",
  "Infinity",
  "-0",
  "1e308",
  "-1e308",
  "9007199254740993",
  "99999999999999999999999999999999999999",
  "0x10",
  "0000-01-01",
  "0000-01",
  "+275760-09-13T00:00:00Z",
  "-271821-04-20T00:00:00Z",
  "9999-12-31T23:59:60Z",
  "2026-02-30",
  "2026-13",
  "2026-11-01T25:00:00Z",
  "1970-01-01T00:00:00Z",
  "olk_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "http://127.0.0.1/",
  "javascript:alert(1)",
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  // Not JSON: superjson carries them to tRPC, JSON.stringify sends null.
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
];

/** `[[[…]]]` or `{"a":{"a":…}}`, `depth` levels deep. */
export function deeplyNested(depth: number, kind: "array" | "object"): unknown {
  let value: unknown = 0;
  for (let i = 0; i < depth; i++) value = kind === "array" ? [value] : { a: value };
  return value;
}

/** An object whose own keys are `__proto__`, `constructor` and `prototype`, as JSON.parse makes it. */
export const prototypeKeys = () =>
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":1}');

const huge: fc.Arbitrary<unknown> = fc
  .constantFrom(
    () => "x".repeat(MB),
    () => "é".repeat(100_000),
    () => Array.from({ length: 100_000 }, (_, i) => i),
    () => Array.from({ length: 100_000 }, () => ""),
    () => deeplyNested(1_500, "array"),
    () => deeplyNested(1_500, "object"),
    () => Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])),
  )
  .map((make) => make());

/** A value of the wrong type, or of the right type but hostile content, for any position. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], 10n ** 30n, -1n),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      new Date(8.64e15),
      new Date(-62_198_755_200_000), // the year 0
      new Date("9999-12-31T23:59:59Z"),
      new Date(0),
    ),
  },
  { weight: 1, arbitrary: fc.constant(null).map(prototypeKeys) },
  { weight: 1, arbitrary: huge },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2, withBigInt: true, withDate: true }) },
);

/** Bodies that are not the JSON anybody meant. */
export const RAW_BODIES: readonly string[] = [
  "",
  " ",
  "{",
  "}",
  "[",
  "{'a': 1}",
  '{"a": 1,}',
  '{"a": NaN}',
  '{"a": Infinity}',
  '{"a": 1e999}',
  '{"a": -0}',
  '{"a": 1}{"a": 2}',
  "null",
  "true",
  "0",
  '"text"',
  "[]",
  "{}",
  '{"__proto__": {"polluted": true}}',
  '{"a": "\\ud800"}',
  '{"a": "\\u0000"}',
  "\uFEFF{}",
  "\u0000",
  "[".repeat(100_000) + "]".repeat(100_000),
  `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`,
];

/** Bytes that are not UTF-8 at all. */
export const INVALID_UTF8: Uint8Array<ArrayBuffer> = new Uint8Array([
  0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d,
]);

/**
 * A short, printable description of a value: long strings and arrays and deep nesting by
 * their size, so a failure report stays readable when the value is a megabyte.
 */
export function describeValue(value: unknown, depth = 0): string {
  if (typeof value === "string") {
    return value.length > 80 ? `${JSON.stringify(value.slice(0, 40))}…(${value.length} chars)` : JSON.stringify(value);
  }
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? "invalid" : value.getTime()})`;
  if (value === null || typeof value !== "object") return String(value);
  if (depth > 4) return Array.isArray(value) ? "[…deep]" : "{…deep}";
  if (Array.isArray(value)) {
    const shown = value.slice(0, 5).map((v) => describeValue(v, depth + 1));
    return `[${shown.join(", ")}${value.length > 5 ? `, …(${value.length} items)` : ""}]`;
  }
  const entries = Object.entries(value);
  const shown = entries.slice(0, 12).map(([k, v]) => `${JSON.stringify(k)}: ${describeValue(v, depth + 1)}`);
  return `{${shown.join(", ")}${entries.length > 12 ? `, …(${entries.length} keys)` : ""}}`;
}
