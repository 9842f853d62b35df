import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { ERROR_MAP } from "@/server/errors";
import type { CorrectionResult as CorrectionResultOfUseCase } from "@/server/services/ingestion/correct-event";
import {
  IngestBatchInput,
  IngestEventInput,
  MAX_EVENTS_PER_BATCH,
} from "@/server/services/ingestion/ingest-event-schema";
import { OPERATIONS, openApiDocument, REQUEST_SCHEMAS, RESPONSE_SCHEMAS } from "./openapi";
import type { ErrorBody as ErrorBodyOfResponse } from "./response";
import type { ErrorBody } from "./schemas/errors";
import type { CorrectionResult } from "./schemas/events";

const document = openApiDocument();
const V1_ROUTES = path.resolve(import.meta.dirname, "../../app/api/v1");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/** The documented schema with every `$ref` replaced by its component, as zod reads it back. */
function documented(component: string): z.ZodType {
  const inline = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(inline);
    if (!node || typeof node !== "object") return node;
    const { $ref, ...rest } = node as { $ref?: string };
    if ($ref) return inline(resolvePointer($ref));
    return Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, inline(value)]));
  };
  return z.fromJSONSchema(inline(document.components.schemas[component]) as z.core.JSONSchema.JSONSchema);
}

function resolvePointer(ref: string): unknown {
  expect(ref).toMatch(/^#\//);
  return ref
    .slice(2)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], document);
}

function refsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(refsIn);
  if (!node || typeof node !== "object") return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === "$ref" && typeof value === "string" ? [value] : refsIn(value),
  );
}

/** `src/app/api/v1/events/[id]/amend/route.ts` → `/api/v1/events/{id}/amend`. */
function routePath(file: string): string {
  const segments = path.relative(V1_ROUTES, path.dirname(file)).split(path.sep).filter(Boolean);
  return ["/api/v1", ...segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}"))].join("/");
}

const validEvent = {
  id: "evt-1",
  customer: "globex",
  definition: "ticket_resolved",
  subject: "ticket-1",
  occurredAt: "2026-01-05T10:00:00Z",
  evidence: [{ at: "2026-01-05T09:59:00+01:00", kind: "note", actor: "ai", title: "Closed" }],
};

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 with a summary, responses and every path parameter on each operation", () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    const operations = Object.entries(document.paths).flatMap(([p, item]) =>
      Object.values(item).map((operation) => ({ path: p, operation })),
    );
    expect(operations.length).toBe(OPERATIONS.length);
    for (const { path: p, operation } of operations) {
      expect(operation.summary).not.toBe("");
      expect(Object.keys(operation.responses).length).toBeGreaterThan(0);
      const templated = [...p.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      expect(operation.parameters?.filter((x) => x.in === "path").map((x) => x.name) ?? []).toEqual(templated);
    }
    expect(new Set(operations.map((o) => o.operation.operationId)).size).toBe(operations.length);
  });

  it("resolves every $ref inside the document", () => {
    const refs = refsIn(document);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(resolvePointer(ref), ref).toBeDefined();
  });

  it("documents every method that a route under src/app/api/v1 exports, and nothing else", async () => {
    const routes = readdirSync(V1_ROUTES, { recursive: true, encoding: "utf8" }).filter(
      (file) => path.basename(file) === "route.ts",
    );
    const served: string[] = [];
    for (const file of routes) {
      const route: Record<string, unknown> = await import(path.join(V1_ROUTES, file));
      for (const method of HTTP_METHODS) {
        if (typeof route[method] === "function") {
          served.push(`${method} ${routePath(path.join(V1_ROUTES, file))}`);
        }
      }
    }
    const documentedOperations = Object.entries(document.paths).flatMap(([p, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${p}`),
    );
    expect(served.sort()).toEqual(documentedOperations.sort());
  });

  it("answers every error with its status from ERROR_MAP, and 429 with Retry-After", () => {
    for (const op of OPERATIONS) {
      const responses = document.paths[op.path]?.[op.method]?.responses ?? {};
      for (const [status, response] of Object.entries(responses)) {
        if (!("$ref" in response)) continue;
        const code = response.$ref.split("/").pop() as keyof typeof ERROR_MAP;
        expect(ERROR_MAP[code].status, `${op.operationId} ${code}`).toBe(Number(status));
      }
      expect(Object.keys(responses)).toEqual(op.public ? ["200"] : expect.arrayContaining(["401", "429"]));
    }
    expect(document.components.responses.RATE_LIMITED?.headers).toHaveProperty("Retry-After");
  });

  it("documents 413 for every operation that reads a body (each handler reads it with a byte limit)", () => {
    const withBody = OPERATIONS.filter((op) => op.body);
    expect(withBody.filter((op) => !op.errors.includes("PAYLOAD_TOO_LARGE")).map((op) => op.operationId)).toEqual([]);
  });

  it("documents the events in a batch with IngestEventInput's fields, required ones and limits", () => {
    const component = document.components.schemas.IngestEventInput!;
    const requiredByZod = Object.entries(IngestEventInput.shape)
      .filter(([, field]) => !field.safeParse(undefined).success)
      .map(([name]) => name);
    expect(component.required?.sort()).toEqual(requiredByZod.sort());
    expect(Object.keys(component.properties ?? {}).sort()).toEqual(Object.keys(IngestEventInput.shape).sort());
    expect(document.components.schemas.IngestBatchBody?.properties?.events).toMatchObject({
      items: { $ref: "#/components/schemas/IngestEventInput" },
      minItems: 1,
      maxItems: MAX_EVENTS_PER_BATCH,
    });
    const batchSchema = document.paths["/api/v1/events"]?.post?.requestBody?.content["application/json"].schema;
    expect(batchSchema).toEqual({ $ref: "#/components/schemas/IngestBatchBody" });
  });

  it.each([
    ["a complete event", validEvent],
    ["an event without evidence or attributes", { ...validEvent, evidence: undefined }],
    ["an event without a subject", { ...validEvent, subject: undefined }],
    ["an event with a field the API does not know", { ...validEvent, priority: "high" }],
    ["an event whose time has no zone", { ...validEvent, occurredAt: "2026-01-05T10:00:00" }],
    ["an event with a cost as a number", { ...validEvent, cost: { amount: 0.5, currency: "USD" } }],
    ["an event with a nested attribute", { ...validEvent, attributes: { csat: { score: 5 } } }],
    ["an event whose AI share is over 1", { ...validEvent, aiShare: 1.5 }],
    ["evidence of an unknown kind", { ...validEvent, evidence: [{ ...validEvent.evidence[0], kind: "video" }] }],
  ])("accepts or refuses %s as IngestEventInput does", (_, event) => {
    expect(documented("IngestEventInput").safeParse(event).success).toBe(IngestEventInput.safeParse(event).success);
  });

  it.each([0, 1, MAX_EVENTS_PER_BATCH, MAX_EVENTS_PER_BATCH + 1])(
    "limits a batch of %i events as the handler does",
    (n) => {
      const batch = { events: Array.from({ length: n }, () => validEvent) };
      expect(documented("IngestBatchBody").safeParse(batch).success).toBe(IngestBatchInput.safeParse(batch).success);
    },
  );

  it("gives examples that both the operation's zod schema and its documented schema accept", () => {
    const nameOf = (named: Record<string, z.ZodType>, schema: z.ZodType) =>
      Object.entries(named).find(([, s]) => s === schema)![0];
    const examples: (readonly [string, z.ZodType, string, unknown])[] = OPERATIONS.flatMap((op) => [
      ...(op.body
        ? [[op.operationId, op.body.schema, nameOf(REQUEST_SCHEMAS, op.body.schema), op.body.example] as const]
        : []),
      ...Object.values(op.responses).flatMap((r) =>
        r.schema ? [[op.operationId, r.schema, nameOf(RESPONSE_SCHEMAS, r.schema), r.example] as const] : [],
      ),
    ]);
    expect(examples.length).toBeGreaterThan(10);
    for (const [operation, schema, component, example] of examples) {
      expect(schema.safeParse(example).error, `${operation}: ${component}`).toBeUndefined();
      expect(documented(component).safeParse(example).error, `${operation}: documented ${component}`).toBeUndefined();
    }
    for (const [code, response] of Object.entries(document.components.responses)) {
      expect(documented("ErrorBody").safeParse(response.content?.["application/json"].example).success, code).toBe(
        true,
      );
    }
  });

  it("keeps the documented correction result and error body in step with the types the code returns", () => {
    expectTypeOf<CorrectionResult>().toExtend<CorrectionResultOfUseCase>();
    expectTypeOf<z.infer<typeof ErrorBody>>().toExtend<ErrorBodyOfResponse>();
  });

  it("is served without an API key at GET /api/v1/openapi.json", async () => {
    const { GET } = await import("@/app/api/v1/openapi.json/route");
    const response = GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
