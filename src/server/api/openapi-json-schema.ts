// zod → JSON Schema for the OpenAPI document, with zod's own converter. OpenAPI 3.1 takes
// JSON Schema draft 2020-12 as it is, so the conversion needs no adapter; what is here
// names the components, turns parameter objects into OpenAPI parameters, and removes noise.
import { z } from "zod";

export type JsonSchema = z.core.JSONSchema.JSONSchema;

/** Requests are documented on their input side (an ISO time is a string; a field with a default is optional), responses on their output side. */
export type Side = "input" | "output";

export interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
  example?: unknown;
}

const COMPONENT_URI = "#/components/schemas/";

/** Formats that say all there is to say: zod's long regex beside them adds nothing for a reader. */
const SELF_EXPLAINING_FORMATS = new Set(["date-time", "uuid"]);

/**
 * Converts the named schemas of one side into `components.schemas`. A named schema used inside
 * another becomes a `$ref`; `notes` adds descriptions to schemas that have none of their own,
 * keyed by the very schema instances the handlers validate with.
 */
export function componentSchemas(
  named: Record<string, z.ZodType>,
  io: Side,
  notes: ReadonlyMap<z.core.$ZodType, string>,
): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(named)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    ...conversion(io, notes),
    uri: (id) => `${COMPONENT_URI}${id}`,
  });
  if ("__shared" in schemas) {
    throw new Error("A schema is shared without a name; give it one in the OpenAPI components.");
  }
  // Inside an OpenAPI document a component is no schema resource of its own: `$id` would move
  // the base that its `$ref`s resolve against.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _, $id: __, ...schema }]) => [id, schema]));
}

/** The `$ref` to a named schema, looked up by instance so that an unnamed one fails loudly. */
export function refTo(named: Record<string, z.ZodType>, schema: z.ZodType): JsonSchema {
  const id = Object.entries(named).find(([, s]) => s === schema)?.[0];
  if (!id) throw new Error("Name every request and response schema in the OpenAPI components.");
  return { $ref: `${COMPONENT_URI}${id}` };
}

/** One OpenAPI parameter per field of a path or query schema (always its input side). */
export function parametersOf(
  schema: z.ZodObject | undefined,
  where: Parameter["in"],
  notes: ReadonlyMap<z.core.$ZodType, string>,
  examples: Record<string, unknown> = {},
): Parameter[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, conversion("input", notes));
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = typeof property === "boolean" ? {} : property;
    return {
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(description && { description }),
      schema: rest,
      ...(name in examples && { example: examples[name] }),
    };
  });
}

function conversion(io: Side, notes: ReadonlyMap<z.core.$ZodType, string>) {
  return {
    target: "draft-2020-12",
    io,
    // A transform's output (a Date) has no JSON form; requests are read on their input side anyway.
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodTypes; jsonSchema: JsonSchema }) => {
      const note = notes.get(zodSchema);
      if (note && !jsonSchema.description) jsonSchema.description = note;
      // `.int()` bounds numbers to the safe integers: true, and no use to a reader.
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.format && SELF_EXPLAINING_FORMATS.has(jsonSchema.format)) delete jsonSchema.pattern;
      // A response may gain fields without a new API version; clients must not refuse them.
      if (io === "output" && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    },
  } as const;
}
