// The fuzz tests' generator, and the first thing it fuzzes: every schema a value from outside
// is parsed with answers any value with a result, never an exception. A refinement that
// throws (a decimal or a URL parsed before its format was known to be right) is a 500 on REST,
// where parseInput does not expect it, and an unnamed 400 on tRPC.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { clock } from "@/server/clock";
import { fieldErrorsFromZod } from "@/server/errors";
import { instant, int, isoInstantText, period, text, webUrl } from "@/server/input-rules";
import { inputSchemas } from "@/server/input-surface";
import { fuzzParameters, fuzzRuns, fuzzTimeout } from "../support/fuzz-runs";
import { arbitraryFor } from "../support/zod-arbitrary";

const now = clock.now();

describe("zod-arbitrary", () => {
  const Sample = z.strictObject({
    id: z.uuid(),
    name: text().trim().min(1).max(20),
    key: text().regex(/^[a-z][a-z0-9_]{1,63}$/),
    count: int().positive().max(1_000),
    share: z.number().gt(0).lt(1),
    big: z
      .bigint()
      .min(0n)
      .max(10n ** 20n),
    kind: z.enum(["a", "b"]),
    days: z.union([z.literal(7), z.literal(30)]),
    at: instant(),
    when: isoInstantText(),
    month: period(),
    link: webUrl("Give a URL.").optional(),
    note: text().max(5).nullable(),
    tags: z.array(text().max(3)).min(1).max(3),
    attributes: z.record(text().min(1).max(10), z.union([text().max(5), z.number(), z.boolean()])),
    flag: z.boolean().default(false),
  });

  it(
    "draws only values the schema accepts when not hostile",
    () => {
      fc.assert(
        fc.property(arbitraryFor(Sample, { hostile: false, now }), (value) => {
          expect(Sample.safeParse(value).error?.issues ?? []).toEqual([]);
        }),
        fuzzParameters(fuzzRuns() * 4),
      );
    },
    fuzzTimeout(fuzzRuns() * 4),
  );

  it("draws values the schema refuses, at any depth, when hostile", () => {
    const values = fc.sample(arbitraryFor(Sample, { hostile: true, now }), 200);
    const paths = new Set(values.flatMap((v) => Sample.safeParse(v).error?.issues.map((i) => String(i.path[0])) ?? []));
    expect(values.filter((v) => !Sample.safeParse(v).success).length).toBeGreaterThan(100);
    expect(paths.size).toBeGreaterThan(10);
  });

  it("draws the ids and keys it is given", () => {
    const known = { uuids: ["00000000-0000-4000-8000-000000000001"], texts: ["ticket_resolved"] };
    const values = fc.sample(arbitraryFor(Sample, { hostile: false, known, now }), 100) as z.input<typeof Sample>[];
    expect(values.some((v) => v.id === known.uuids[0])).toBe(true);
    expect(values.some((v) => v.key === known.texts[0])).toBe(true);
  });
});

describe("every schema a value from outside is parsed with", () => {
  it.each(inputSchemas())(
    "%s answers any value with the value or field errors, never an exception",
    (name, schema) => {
      fc.assert(
        fc.property(arbitraryFor(schema, { hostile: true, now }), (value) => {
          const result = schema.safeParse(value);
          if (result.success) return;
          for (const field of fieldErrorsFromZod(result.error)) {
            expect(field.path, name).toMatch(/\S/);
            expect(field.message, name).toMatch(/\S/);
          }
        }),
        fuzzParameters(fuzzRuns() * 4),
      );
    },
    fuzzTimeout(fuzzRuns() * 4),
  );
});
