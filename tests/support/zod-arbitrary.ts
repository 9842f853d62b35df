// fast-check arbitraries from zod 4 schemas, for the fuzz tests. zod-fast-check supports zod 3
// only, so this walks `schema._zod.def` itself, like the input rules' guard: valid-looking
// values within each schema's own bounds, formats and patterns (uuids and texts drawn partly
// from the ids and keys that exist, so requests get past "not found"), and, when `hostile`,
// any node may instead be a hostile value, a key may be missing or one too many.
import fc from "fast-check";
import type { z } from "zod";
import { EARLIEST_INSTANT, END_OF_INSTANTS } from "@/server/input-rules";
import { HOSTILE_NUMBERS, HOSTILE_STRINGS, hostileValue, prototypeKeys } from "./hostile-values";

export interface ArbitraryOptions {
  /** Replace values at any depth by hostile ones (wrong types, NUL, huge numbers…), drop and add keys. */
  hostile: boolean;
  /** Ids and keys that exist in the database under test. */
  known?: { uuids: readonly string[]; texts: readonly string[] };
  /** Dates are drawn mostly near this instant. */
  now: Date;
}

type Def = { type: string; checks?: { _zod: { def: CheckDef } }[]; [key: string]: unknown };
type CheckDef = {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number | bigint;
  inclusive?: boolean;
  tx?: (text: string) => string;
};

const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def): CheckDef[] => (def.checks ?? []).map((c) => c._zod.def);

const DAY_MS = 86_400_000;

/**
 * Instants the input rules accept (the years 2000 to 2999, UTC), mostly within a year of now
 * and often a month's first instant, where billing periods and contracts start.
 */
function instants(now: Date): fc.Arbitrary<Date> {
  const near = fc.date({
    min: new Date(now.getTime() - 400 * DAY_MS),
    max: new Date(now.getTime() + DAY_MS),
    noInvalidDate: true,
  });
  return fc.oneof(
    { weight: 4, arbitrary: near },
    { weight: 2, arbitrary: near.map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))) },
    {
      weight: 1,
      arbitrary: fc.date({ min: EARLIEST_INSTANT, max: new Date(END_OF_INSTANTS.getTime() - 1), noInvalidDate: true }),
    },
  );
}

/** What one schema accepts (and, when hostile, what it must refuse without a 5xx). */
export function arbitraryFor(schema: z.ZodType, options: ArbitraryOptions): fc.Arbitrary<unknown> {
  const known = options.known ?? { uuids: [], texts: [] };
  const validDate = instants(options.now);
  const orKnown = (arbitrary: fc.Arbitrary<string>, values: readonly string[]) =>
    values.length === 0 ? arbitrary : fc.oneof(arbitrary, fc.constantFrom(...values));

  const build = (schema: unknown): fc.Arbitrary<unknown> => {
    const def = defOf(schema);
    const valid = validFor(def);
    if (!options.hostile) return valid;
    const hostile =
      def.type === "string"
        ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) }, hostileValue)
        : def.type === "number"
          ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) }, hostileValue)
          : hostileValue;
    return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostile });
  };

  const validFor = (def: Def): fc.Arbitrary<unknown> => {
    const checks = checksOf(def);
    switch (def.type) {
      case "string":
        return stringFor(def, checks);
      case "number": {
        const bounds = numberBounds(checks);
        const value = checks.some((c) => c.format === "safeint")
          ? fc.integer({
              min: bounds.min === undefined ? -(2 ** 31) : Math.ceil(bounds.min) + (bounds.minExcluded ? 1 : 0),
              max: bounds.max === undefined ? 2 ** 31 - 1 : Math.floor(bounds.max) - (bounds.maxExcluded ? 1 : 0),
            })
          : fractions(
              fc.double({
                min: bounds.min ?? -1e9,
                max: bounds.max ?? 1e9,
                minExcluded: bounds.minExcluded,
                maxExcluded: bounds.maxExcluded,
                noNaN: true,
                noDefaultInfinity: true,
              }),
              bounds,
            );
        return def.coerce ? fc.oneof(value, value.map(String)) : value;
      }
      case "bigint": {
        const greater = checks.find((c) => c.check === "greater_than");
        const less = checks.find((c) => c.check === "less_than");
        return fc.bigInt({
          min: greater ? BigInt(greater.value!) + (greater.inclusive ? 0n : 1n) : -(2n ** 63n),
          max: less ? BigInt(less.value!) - (less.inclusive ? 0n : 1n) : 2n ** 63n - 1n,
        });
      }
      case "boolean":
        return fc.boolean();
      case "date":
        return def.coerce
          ? fc.oneof(
              validDate,
              validDate.map((d) => d.toISOString()),
            )
          : validDate;
      case "enum":
        return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
      case "literal":
        return fc.constantFrom(...(def.values as unknown[]));
      case "null":
        return fc.constant(null);
      case "undefined":
        return fc.constant(undefined);
      case "optional":
      case "default":
      case "prefault":
        return fc.option(build(def.innerType), { nil: undefined, freq: 4 });
      case "nullable":
        return fc.option(build(def.innerType), { nil: null, freq: 4 });
      case "catch":
      case "readonly":
      case "nonoptional":
        return build(def.innerType);
      case "pipe":
        // What the value must finally be is the pipe's far side (`text().pipe(webUrl())`, the
        // schema after z.preprocess), unless that is a transform (`isoInstant()`'s parsing).
        return defOf(def.out).type === "transform" ? build(def.in) : build(def.out);
      case "array": {
        const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
        const max = checks.find((c) => c.check === "max_length")?.maximum ?? Number.POSITIVE_INFINITY;
        return fc.array(build(def.element), { minLength: min, maxLength: Math.min(max, min + 4) });
      }
      case "tuple":
        return fc.tuple(...(def.items as unknown[]).map(build));
      case "union":
        return fc.oneof(...(def.options as unknown[]).map(build));
      case "object":
        return objectFor(def);
      case "record":
        return fc.dictionary(build(def.keyType).map(String), build(def.valueType), { maxKeys: 4 });
      case "unknown":
      case "any":
      case "custom":
        return fc.jsonValue({ maxDepth: 2 });
      default:
        throw new Error(`zod-arbitrary does not know the zod type "${def.type}"; teach it`);
    }
  };

  const stringFor = (def: Def, checks: CheckDef[]): fc.Arbitrary<string> => {
    switch (def.format) {
      case "uuid":
        return orKnown(fc.uuid(), known.uuids);
      case "email":
        // zod's own pattern: stricter than the addresses fc.emailAddress() draws.
        return fc.stringMatching(def.pattern as RegExp, { size: "small" });
      case "url":
        return fc.webUrl({ validSchemes: ["https"] });
      case "date":
        return validDate.map((d) => d.toISOString().slice(0, 10));
      case "datetime":
        return fc.oneof(
          validDate.map((d) => d.toISOString()),
          // The same instant written in another zone.
          validDate.map((d) => new Date(d.getTime() + 5.5 * 3_600_000).toISOString().replace("Z", "+05:30")),
        );
    }
    const pattern = checks.find((c) => c.format === "regex")?.pattern;
    if (pattern) {
      // Text in a date's shape ("2026-11", a period) is drawn from instants the rules accept.
      const dated = [7, 10].filter((n) => pattern.test("2026-11-25".slice(0, n)));
      const datedText = dated.map((n) => validDate.map((d) => d.toISOString().slice(0, n)));
      const matching = datedText.length > 0 ? fc.oneof(...datedText) : fc.stringMatching(pattern, { size: "small" });
      return orKnown(
        matching,
        known.texts.filter((text) => pattern.test(text)),
      );
    }
    const min = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
    const max = checks.find((c) => c.check === "max_length")?.maximum ?? 10_000;
    // Lengths are checked after `.trim()` and the like (zod's overwrite checks): apply them first.
    const overwrites = checks.flatMap((c) => (c.check === "overwrite" ? [c.tx!] : []));
    const plain = fc
      .string({ unit: "grapheme", minLength: min, maxLength: Math.max(min, Math.min(max, min + 30)) })
      .map((s) => overwrites.reduce((text, tx) => tx(text), s))
      .filter((s) => s.length >= min && s.length <= max);
    return orKnown(plain, known.texts);
  };

  const objectFor = (def: Def): fc.Arbitrary<unknown> => {
    const shape = def.shape as Record<string, unknown>;
    const valid = fc
      .record(Object.fromEntries(Object.entries(shape).map(([key, value]) => [key, build(value)])))
      .map((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)));
    if (!options.hostile) return valid;
    const keys = Object.keys(shape);
    return fc.oneof(
      { weight: 6, arbitrary: valid },
      // A required key missing.
      ...(keys.length > 0
        ? [
            fc.tuple(valid, fc.constantFrom(...keys)).map(([record, key]) => {
              const { [key]: _dropped, ...rest } = record;
              return rest;
            }),
          ]
        : []),
      // A key nobody asked for, prototype keys included.
      fc
        .tuple(valid, fc.constantFrom("extra", "__proto__", "constructor", "", "a\u0000b"), hostileValue)
        .map(([record, key, value]) => Object.defineProperty({ ...record }, key, { value, enumerable: true })),
      fc.tuple(valid).map(([record]) => ({ ...record, ...prototypeKeys() })),
    );
  };

  return build(schema);
}

/** Any double, or one with two decimals as people write them (an AI share of 0.35, not 0.3500000000000001). */
function fractions(doubles: fc.Arbitrary<number>, bounds: ReturnType<typeof numberBounds>): fc.Arbitrary<number> {
  // A range narrower than a tenth might hold no such number, and the filter would never end.
  if ((bounds.max ?? Number.POSITIVE_INFINITY) - (bounds.min ?? Number.NEGATIVE_INFINITY) < 0.1) return doubles;
  return fc.oneof(
    doubles,
    doubles.map((x) => Math.round(x * 100) / 100).filter((x) => inBounds(x, bounds)),
  );
}

function inBounds(x: number, { min, max, minExcluded, maxExcluded }: ReturnType<typeof numberBounds>): boolean {
  const aboveMin = min === undefined || (minExcluded ? x > min : x >= min);
  const belowMax = max === undefined || (maxExcluded ? x < max : x <= max);
  return aboveMin && belowMax;
}

/** The tightest bounds of a number's checks (zod 4 keeps each `.min()`/`.positive()` as its own check). */
function numberBounds(checks: CheckDef[]) {
  let min: number | undefined;
  let max: number | undefined;
  let minExcluded = false;
  let maxExcluded = false;
  for (const { check, value, inclusive } of checks) {
    if (value === undefined) continue;
    const v = Number(value);
    if (check === "greater_than" && (min === undefined || v >= min)) {
      minExcluded = v === min ? minExcluded || !inclusive : !inclusive;
      min = v;
    }
    if (check === "less_than" && (max === undefined || v <= max)) {
      maxExcluded = v === max ? maxExcluded || !inclusive : !inclusive;
      max = v;
    }
  }
  return { min, max, minExcluded, maxExcluded };
}
