import { describe, expect, it } from "vitest";
import { z } from "zod";
import { filtersFrom } from "@/lib/outcome-filters";
import {
  INT4_MAX,
  INT4_MIN,
  INT8_MAX,
  instant,
  isoInstant,
  period,
  storableText,
  supportedInstant,
  supportedIsoText,
  text,
  webUrl,
} from "./input-rules";
import { inputSchemas } from "./input-surface";

/** Items of a batch are `unknown` on purpose: each one is parsed on its own (IngestEventInput), so a bad one is rejected alone. */
const UNKNOWN_ON_PURPOSE = new Set(["POST /api/v1/events (the batch before its items) › events[]"]);

/** Formats whose own pattern admits only ASCII letters, digits and punctuation. */
const ASCII_FORMATS = new Set(["uuid", "email"]);
const ISO_FORMATS = new Set(["datetime", "date"]);

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: unknown): unknown[] => (defOf(schema).checks as unknown[] | undefined) ?? [];
type CheckDef = { check?: string; format?: string; value?: number | bigint };
const checkDefsOf = (schema: unknown) => checksOf(schema).map((c) => (c as { _zod: { def: CheckDef } })._zod.def);

/** The bounds that a number's or bigint's own checks put on it (zod's `bag` is filled lazily). */
function boundsOf(schema: unknown) {
  let minimum: number | bigint | undefined;
  let maximum: number | bigint | undefined;
  for (const { check, value } of checkDefsOf(schema)) {
    if (value === undefined) continue;
    if (check === "greater_than" && (minimum === undefined || value > minimum)) minimum = value;
    if (check === "less_than" && (maximum === undefined || value < maximum)) maximum = value;
  }
  const whole = checkDefsOf(schema).some((c) => c.check === "number_format" && c.format === "safeint");
  return { whole, minimum, maximum };
}

/** What breaks the rules in one schema, as "path: problem" lines. */
function offences(name: string, root: z.ZodType): string[] {
  const found: string[] = [];
  const open = new Set<unknown>();
  const walk = (schema: unknown, at: string): void => {
    // A schema inside itself (z.lazy) is checked once.
    if (open.has(schema)) return;
    open.add(schema);
    visit(schema, at);
    open.delete(schema);
  };
  const visit = (schema: unknown, at: string): void => {
    const def = defOf(schema);
    const here = at || "(root)";
    switch (def.type) {
      case "string": {
        const format = def.format as string | undefined;
        const checks = checksOf(schema);
        if (format && ASCII_FORMATS.has(format)) return;
        if (format && ISO_FORMATS.has(format)) {
          if (!checks.includes(supportedIsoText)) found.push(`${here}: an ISO ${format} without supportedIsoText`);
          return;
        }
        if (!checks.includes(storableText)) found.push(`${here}: a string without storableText (use text())`);
        return;
      }
      case "date":
        if (!checksOf(schema).includes(supportedInstant)) found.push(`${here}: a date without supportedInstant`);
        return;
      case "number": {
        const { whole, minimum, maximum } = boundsOf(schema);
        if (whole && (minimum === undefined || minimum < INT4_MIN || maximum === undefined || maximum > INT4_MAX))
          found.push(`${here}: a whole number beyond PostgreSQL's integer (use int())`);
        return;
      }
      case "bigint": {
        const { minimum, maximum } = boundsOf(schema);
        if (minimum === undefined || maximum === undefined || BigInt(maximum) > INT8_MAX)
          found.push(`${here}: a bigint beyond PostgreSQL's bigint`);
        return;
      }
      case "unknown":
      case "any":
      case "custom":
        if (!UNKNOWN_ON_PURPOSE.has(`${name} › ${at}`)) found.push(`${here}: ${def.type} (values nobody checked)`);
        return;
      case "object":
        for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) walk(value, join(at, key));
        if (def.catchall && defOf(def.catchall).type !== "never") walk(def.catchall, join(at, "*"));
        return;
      case "record":
        walk(def.keyType, join(at, "(key)"));
        walk(def.valueType, join(at, "*"));
        return;
      case "array":
        walk(def.element, `${at}[]`);
        return;
      case "tuple":
        for (const [i, item] of (def.items as unknown[]).entries()) walk(item, join(at, String(i)));
        if (def.rest) walk(def.rest, join(at, "…"));
        return;
      case "union":
        for (const option of def.options as unknown[]) walk(option, at);
        return;
      case "intersection":
        walk(def.left, at);
        walk(def.right, at);
        return;
      case "pipe":
        walk(def.in, at);
        // What a transform hands on was checked on its way in.
        if (defOf(def.out).type !== "transform") walk(def.out, at);
        return;
      case "optional":
      case "nullable":
      case "default":
      case "prefault":
      case "catch":
      case "readonly":
      case "nonoptional":
        walk(def.innerType, at);
        return;
      case "lazy":
        walk((def.getter as () => unknown)(), at);
        return;
      case "enum":
      case "literal":
      case "boolean":
      case "null":
      case "undefined":
      case "never":
        return;
      default:
        found.push(`${here}: a ${def.type} the guard does not know; teach it`);
    }
  };
  walk(root, "");
  return found.map((line) => `${name} › ${line}`);
}

const join = (at: string, key: string) => (at ? `${at}.${key}` : key);

describe("the input rules", () => {
  it("hold for every schema a value from outside is parsed with", () => {
    const schemas = inputSchemas();
    expect(schemas.length).toBeGreaterThan(60);
    expect(schemas.flatMap(([name, schema]) => offences(name, schema))).toEqual([]);
  });

  it("refuse NUL and unpaired surrogates, naming where", () => {
    const schema = z.object({ subject: text(), link: webUrl("Give a URL.") });
    const issues = (value: unknown) =>
      schema.safeParse(value).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(issues({ subject: "tick\u0000et", link: "https://a.example/\u0000" })).toEqual([
      "subject: Remove the NUL character (U+0000) at position 5: text cannot contain it.",
      "link: Remove the NUL character (U+0000) at position 19: text cannot contain it.",
    ]);
    expect(issues({ subject: "a\ud800b", link: "https://a.example/\udc00" })).toEqual([
      "subject: Replace the unpaired surrogate U+D800 at position 2: send text as valid Unicode (surrogates only in pairs).",
      "link: Replace the unpaired surrogate U+DC00 at position 19: send text as valid Unicode (surrogates only in pairs).",
    ]);
    // A pair is one code point, and any other control character can be stored.
    expect(issues({ subject: "ok 😀 \u0001\t", link: "https://a.example/😀" })).toEqual([]);
  });

  it("keep instants and periods between the years 2000 and 2999", () => {
    const refused = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;
    expect(refused(period(), "0000-01")).toBe("Give a date between the years 2000 and 2999 (UTC).");
    expect(refused(period(), "3000-01")).toBe("Give a date between the years 2000 and 2999 (UTC).");
    expect(refused(period(), "2999-12")).toBeUndefined();
    expect(refused(isoInstant("ISO"), "1999-12-31T23:59:59Z")).toMatch(/between the years 2000 and 2999/);
    expect(refused(isoInstant("ISO"), "2000-01-01T01:00:00+01:00")).toBeUndefined();
    expect(refused(instant(), new Date(8.64e15))).toMatch(/between the years 2000 and 2999/);
    expect(refused(instant(), "0000-01-01")).toMatch(/between the years 2000 and 2999/);
    expect(refused(instant(), new Date("2026-11-01T00:00:00Z"))).toBeUndefined();
  });

  it("drop such values from the outcome explorer's URL, as any invalid filter is dropped", () => {
    expect(filtersFrom(new URLSearchParams("q=tick%00et&period=0000-01&from=3000-01-01&status=billable"))).toEqual({
      status: "billable",
      sort: "newest",
    });
  });
});
