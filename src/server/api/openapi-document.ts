// Assembles the OpenAPI 3.1 document from the operations listed in openapi.ts: paths with
// their parameters and responses, the component schemas, and the shared error responses.
import type { z } from "zod";
import { type AppErrorCode, ERROR_MAP } from "@/server/errors";
import { componentSchemas, type JsonSchema, type Parameter, parametersOf, refTo } from "./openapi-json-schema";
import { API_DESCRIPTION, ERROR_RESPONSES, FIELD_NOTES, TAGS } from "./openapi-words";
import { ErrorBody } from "./schemas/errors";

export type HttpMethod = "get" | "put" | "post";

export interface OperationSpec {
  method: HttpMethod;
  path: string;
  operationId: string;
  tag: keyof typeof TAGS;
  summary: string;
  description: string;
  params?: { schema: z.ZodObject; example: Record<string, string> };
  query?: z.ZodObject;
  body?: { schema: z.ZodType; example: unknown };
  responses: Record<
    number,
    { description: string; schema?: z.ZodType; example?: unknown; headers?: object; file?: FileResponse }
  >;
  /** What it can fail with beyond what every operation with a key can (401, 429, 500, 503). */
  errors: Exclude<AppErrorCode, "UNAUTHENTICATED" | "RATE_LIMITED" | "RETRY_LATER" | "INTERNAL">[];
  /** Needs no API key. */
  public?: true;
}

/** A response that is a file to save, not JSON: described by its headers. */
export interface FileResponse {
  mediaType: string;
  /** An example of the name the file is saved under. */
  filename: string;
}

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Partial<Record<HttpMethod, OperationObject>>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, ResponseObject>;
    securitySchemes: Record<string, object>;
  };
}

export interface OperationObject {
  operationId: string;
  tags: string[];
  summary: string;
  description: string;
  security?: [];
  parameters?: Parameter[];
  requestBody?: { required: true; content: { "application/json": MediaType } };
  responses: Record<string, ResponseObject | { $ref: string }>;
}

export interface ResponseObject {
  description: string;
  headers?: object;
  content?: { "application/json": MediaType };
}

interface MediaType {
  schema: JsonSchema;
  example?: unknown;
}

const ALWAYS: AppErrorCode[] = ["UNAUTHENTICATED", "RATE_LIMITED", "RETRY_LATER", "INTERNAL"];

const json = (schema: JsonSchema, example: unknown) => ({
  "application/json": { schema, ...(example !== undefined && { example }) },
});

function operationObject(
  op: OperationSpec,
  requestSchemas: Record<string, z.ZodType>,
  responseSchemas: Record<string, z.ZodType>,
): OperationObject {
  const errors: AppErrorCode[] = [...op.errors, ...(op.public ? [] : ALWAYS)];
  const responses = Object.entries(op.responses).map(([status, r]) => [
    status,
    r.file
      ? fileResponse(r.description, r.file)
      : {
          description: r.description,
          ...(r.headers && { headers: r.headers }),
          content: json(r.schema ? refTo(responseSchemas, r.schema) : { type: "object" }, r.example),
        },
  ]);
  const errorResponses = errors
    .sort((a, b) => ERROR_MAP[a].status - ERROR_MAP[b].status)
    .map((code) => [String(ERROR_MAP[code].status), { $ref: `#/components/responses/${code}` }]);
  const parameters = [
    ...parametersOf(op.params?.schema, "path", FIELD_NOTES, op.params?.example),
    ...parametersOf(op.query, "query", FIELD_NOTES),
  ];
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: op.description,
    ...(op.public && { security: [] }),
    ...(parameters.length > 0 && { parameters }),
    ...(op.body && {
      requestBody: { required: true, content: json(refTo(requestSchemas, op.body.schema), op.body.example) },
    }),
    responses: Object.fromEntries([...responses, ...errorResponses]),
  };
}

// Its media type is stated in the headers rather than as `content`, which readers of this
// document (the API reference page) take to be JSON.
function fileResponse(description: string, file: FileResponse): ResponseObject {
  return {
    description,
    headers: {
      "Content-Type": { description: "The file's media type.", schema: { type: "string", const: file.mediaType } },
      "Content-Disposition": {
        description:
          "`attachment` with the file name: the invoice number, or `draft-<customer>-<YYYY-MM>` for a draft.",
        schema: { type: "string", example: `attachment; filename="${file.filename}"` },
      },
    },
  };
}

export function assembleDocument(
  operations: OperationSpec[],
  requestSchemas: Record<string, z.ZodType>,
  responseSchemas: Record<string, z.ZodType>,
): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const op of operations) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op, requestSchemas, responseSchemas) };
  }
  const requests = componentSchemas(requestSchemas, "input", FIELD_NOTES);
  const responses = componentSchemas(responseSchemas, "output", FIELD_NOTES);
  const clash = Object.keys(requests).find((name) => name in responses);
  if (clash) throw new Error(`"${clash}" names both a request and a response schema.`);
  return {
    openapi: "3.1.0",
    info: { title: "Outcome Ledger API", version: "1", description: API_DESCRIPTION },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    security: [{ apiKey: [] }],
    paths,
    components: {
      schemas: { ...requests, ...responses },
      responses: Object.fromEntries(
        Object.entries(ERROR_RESPONSES).map(([code, { description, example, headers }]) => [
          code,
          { description, ...(headers && { headers }), content: json(refTo(responseSchemas, ErrorBody), example) },
        ]),
      ),
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "olk_<8 hex>_<43 base64url>",
          description: "An API key, created by an admin under Settings → API keys: `Authorization: Bearer olk_…`.",
        },
      },
    },
  };
}
