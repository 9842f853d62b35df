// Reading the OpenAPI document for the reference page: operations by tag, and schemas as
// rows of fields with a type and constraints a person can read.
import type { HttpMethod, OpenApiDocument, OperationObject } from "@/server/api/openapi-document";
import type { JsonSchema } from "@/server/api/openapi-json-schema";

export interface DocumentedOperation extends OperationObject {
  method: HttpMethod;
  path: string;
}

export interface FieldRow {
  /** Where the field sits, e.g. `events[].evidence[].`; empty at the top level. */
  parent: string;
  name: string;
  depth: number;
  type: string;
  required: boolean;
  description?: string;
  constraints: string[];
}

export function operationsByTag(document: OpenApiDocument) {
  const operations: DocumentedOperation[] = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ ...operation, method: method as HttpMethod, path })),
  );
  return document.tags
    .map((tag) => ({ ...tag, operations: operations.filter((o) => o.tags.includes(tag.name)) }))
    .filter((tag) => tag.operations.length > 0);
}

type Components = OpenApiDocument["components"]["schemas"];

/** The schema a `$ref` names, or the schema itself. */
export function deref(schema: JsonSchema, components: Components): JsonSchema {
  const name = schema.$ref?.replace("#/components/schemas/", "");
  return name ? { ...components[name], ...withoutRef(schema) } : schema;
}

function withoutRef({ $ref: _, ...rest }: JsonSchema): JsonSchema {
  return rest;
}

const asSchema = (value: unknown): JsonSchema | undefined =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as JsonSchema) : undefined;

export function typeLabel(schema: JsonSchema, components: Components): string {
  if (schema.$ref) return schema.$ref.split("/").pop() ?? "object";
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.anyOf) return schema.anyOf.map((s) => typeLabel(s, components)).join(" or ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 1) return types.map((type) => typeLabel({ ...schema, type }, components)).join(" or ");
  const [type] = types;
  if (type === "array") {
    const items = asSchema(schema.items);
    return items ? `array of ${typeLabel(items, components)}` : "array";
  }
  if (type === "object" && !schema.properties) {
    const values = asSchema(schema.additionalProperties);
    return values && Object.keys(values).length > 0 ? `map of ${typeLabel(values, components)}` : "object";
  }
  if (type === "string" && schema.format) return `string (${schema.format})`;
  return type ?? "any";
}

const count = (n: number) => n.toLocaleString("en-US");

export function constraintsOf(schema: JsonSchema): string[] {
  const range = (min: number | undefined, max: number | undefined, unit: string) => {
    if (min !== undefined && max !== undefined) return `${count(min)}–${count(max)}${unit}`;
    if (max !== undefined) return `at most ${count(max)}${unit}`;
    if (min !== undefined && min > 0) return `at least ${count(min)}${unit}`;
    return null;
  };
  const minimum = typeof schema.minimum === "number" ? schema.minimum : undefined;
  const maximum = typeof schema.maximum === "number" ? schema.maximum : undefined;
  return [
    range(schema.minLength, schema.maxLength, " characters"),
    range(schema.minItems, schema.maxItems, " items"),
    minimum !== undefined || maximum !== undefined ? `from ${minimum ?? "−∞"} to ${maximum ?? "∞"}` : null,
    schema.pattern ? `pattern ${schema.pattern}` : null,
    schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : null,
  ].filter((c): c is string => c !== null);
}

/** Every field of an object schema, nested objects and arrays of objects included, in order. */
export function fieldRows(schema: JsonSchema, components: Components, base = "", seen: string[] = []): FieldRow[] {
  const { object, suffix, ref } = objectInside(schema, components);
  if (!object?.properties || (ref && seen.includes(ref))) return [];
  const parent = base ? `${base}${suffix}.` : "";
  const path = ref ? [...seen, ref] : seen;
  return Object.entries(object.properties).flatMap(([name, value]) => {
    const field = asSchema(value) ?? {};
    const resolved = deref(field, components);
    const row: FieldRow = {
      parent,
      name,
      depth: parent.split(".").length - 1,
      type: typeLabel(field, components),
      required: object.required?.includes(name) ?? false,
      description: resolved.description,
      constraints: [...constraintsOf(resolved), ...(isClosed(field, components) ? ["no other fields"] : [])],
    };
    return [row, ...fieldRows(field, components, `${parent}${name}`, path)];
  });
}

/** Whether the object a schema describes (or its array's items) refuses fields it does not list. */
export function isClosed(schema: JsonSchema, components: Components): boolean {
  const { object } = objectInside(schema, components);
  return object?.additionalProperties === false && object.properties !== undefined;
}

/** The object a schema describes: itself, its array's items (`[]`), or its branch that is not null. */
function objectInside(
  schema: JsonSchema,
  components: Components,
): { object?: JsonSchema; suffix: string; ref?: string } {
  const resolved = deref(schema, components);
  const items = asSchema(resolved.items);
  if (items) return { object: deref(items, components), suffix: "[]", ref: items.$ref };
  const branch = resolved.anyOf?.find((s) => s.type !== "null");
  if (branch) return objectInside(branch, components);
  return { object: resolved, suffix: "", ref: schema.$ref };
}

/** A curl command for the operation, with its example path parameters and body. */
export function curlCommand(baseUrl: string, operation: DocumentedOperation): string {
  const examples = new Map((operation.parameters ?? []).map((p) => [p.name, p.example]));
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(examples.get(name) ?? `<${name}>`)),
  );
  const body = operation.requestBody?.content["application/json"].example;
  const lines = [
    `curl${operation.method === "get" ? "" : ` -X ${operation.method.toUpperCase()}`} "${baseUrl}${path}"`,
    ...(operation.security?.length === 0 ? [] : ['-H "Authorization: Bearer $OUTCOME_LEDGER_KEY"']),
    ...(body === undefined ? [] : ['-H "Content-Type: application/json"', "--data-binary @- <<'JSON'"]),
  ];
  const command = lines.join(" \\\n  ");
  return body === undefined ? command : `${command}\n${JSON.stringify(body, null, 2)}\nJSON`;
}
