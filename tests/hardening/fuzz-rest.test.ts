// Odd input never gets a 5xx (issue 13), REST v1: every operation of OPERATIONS (the list the
// OpenAPI document is built from) through its real route handler, with requests generated
// from its own zod schemas (path, query, body): valid-looking ones that reach the use cases,
// hostile ones (wrong types, NUL, lone surrogates, huge numbers and strings, deep nesting,
// prototype keys), raw bodies that are not JSON, bad keys and wrong content types. Every
// answer must be JSON in the one error shape with a code the operation documents, and a
// refused request must have written nothing (every table's rows and the audit head, compared
// before and after on a database of this file's own).
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { OperationSpec } from "@/server/api/openapi-document";
import { closeApiRateLimiter } from "@/server/api/rate-limit";
import { clock } from "@/server/clock";
import { restOperations } from "@/server/input-surface";
import { MAX_BATCH_BYTES } from "@/server/services/ingestion/ingest-event-schema";
import { runOnOwnDatabase } from "../support/database-roles";
import { type Answer, readAnswer, restAnswerProblems } from "../support/fuzz-answers";
import { fuzzParameters, fuzzRuns, fuzzTimeout } from "../support/fuzz-runs";
import { type FuzzWorld, seedFuzzWorld } from "../support/fuzz-world";
import { describeValue, INVALID_UTF8, RAW_BODIES } from "../support/hostile-values";
import { type Fingerprint, openWriteFingerprint, type WriteFingerprint } from "../support/write-fingerprint";
import { arbitraryFor } from "../support/zod-arbitrary";

runOnOwnDatabase();

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface RestCase {
  auth: "key" | "none" | "revoked" | "unknown" | "malformed" | "basic";
  params: Record<string, string>;
  query: string;
  body: string | Uint8Array<ArrayBuffer> | undefined;
  contentType: string;
}

const OPERATIONS = restOperations();
const now = clock.now();
let world: FuzzWorld;
let fingerprint: WriteFingerprint;
let last: Fingerprint | undefined;

beforeAll(async () => {
  // The fuzz sends thousands of requests a minute with one key.
  await closeApiRateLimiter();
  vi.stubEnv("API_RATE_LIMIT_PER_MINUTE", "1000000");
  world = await seedFuzzWorld();
  fingerprint = await openWriteFingerprint();
}, 120_000);

afterAll(async () => {
  await fingerprint?.close();
  await closeApiRateLimiter();
  vi.unstubAllEnvs();
});

/** The route file Next serves the operation from, e.g. src/app/api/v1/events/[id]/void/route.ts. */
async function handlerOf(op: OperationSpec): Promise<Handler> {
  const file = path.resolve("src/app", `.${op.path.replace(/\{(\w+)\}/g, "[$1]")}`, "route.ts");
  const handler = ((await import(file)) as Record<string, Handler | undefined>)[op.method.toUpperCase()];
  if (!handler) throw new Error(`${file} exports no ${op.method.toUpperCase()}`);
  return handler;
}

const HOSTILE_SEGMENTS = [
  "%",
  "%25",
  "%zz",
  "..",
  "../../etc/passwd",
  "a/b",
  "\u0000",
  "evt-\u0000",
  "\ud800",
  "",
  " ",
  "x".repeat(10_000),
  "9".repeat(400),
  "1e3",
  "-0",
  "0x1",
  "Infinity",
  "1.5",
  "00000000-0000-0000-0000-000000000000",
  "AAAAAAAA-AAAA-4AAA-8AAA-AAAAAAAAAAAA",
];

const RAW_QUERIES = [
  "%",
  "a=%",
  "%zz=1",
  "a=%E0%A4%A",
  "limit=1&limit=2",
  "cursor=%00",
  `customer=${"x".repeat(100_000)}`,
  "__proto__=1&constructor=x",
  "a[b]=1",
  "&&&=",
];

const safeEncode = (segment: string) => {
  try {
    return encodeURIComponent(segment);
  } catch {
    return "x"; // a lone surrogate: only the params object carries it, as Next would hand it on
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const asText = (value: unknown): string =>
  value instanceof Date
    ? Number.isNaN(value.getTime())
      ? "Invalid Date"
      : value.toISOString()
    : typeof value === "object" && value !== null
      ? toJson(value)
      : String(value);

const toJson = (value: unknown) => JSON.stringify(value, (_key, v) => (typeof v === "bigint" ? v.toString() : v)) ?? "";

/** A query object as a query string; a value that is not an object becomes one odd parameter. */
function toQuery(value: unknown): string {
  const search = new URLSearchParams();
  if (!isRecord(value)) search.append("q", asText(value));
  else
    for (const [key, v] of Object.entries(value))
      for (const item of Array.isArray(v) ? v : [v]) if (item !== undefined) search.append(key, asText(item));
  return search.toString();
}

/** Next hands route handlers their path segments as strings, already decoded. */
function toSegments(value: unknown, names: string[]): Record<string, string> {
  const record = isRecord(value) ? value : {};
  return Object.fromEntries(names.map((name) => [name, asText(record[name] ?? "")]));
}

function restCase(op: OperationSpec): fc.Arbitrary<RestCase> {
  const from = (schema: Parameters<typeof arbitraryFor>[0], hostile: boolean) =>
    arbitraryFor(schema, { hostile, known: world.known, now });
  const names = Object.keys(op.params?.schema.shape ?? {});
  const params = op.params
    ? fc.oneof(
        { weight: 3, arbitrary: from(op.params.schema, false) },
        { weight: 2, arbitrary: from(op.params.schema, true) },
        { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...names), fc.constantFrom(...HOSTILE_SEGMENTS)) },
      )
    : fc.constant({});
  const query = op.query
    ? fc.oneof(
        { weight: 4, arbitrary: from(op.query, false).map(toQuery) },
        { weight: 3, arbitrary: from(op.query, true).map(toQuery) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) },
      )
    : fc.oneof({ weight: 6, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) });
  const body: fc.Arbitrary<RestCase["body"]> =
    op.method === "get"
      ? fc.constant(undefined)
      : fc.oneof(
          { weight: 4, arbitrary: op.body ? from(op.body.schema, false).map(toJson) : fc.constant("{}") },
          { weight: 4, arbitrary: op.body ? from(op.body.schema, true).map(toJson) : fc.constant("[]") },
          { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES) },
          { weight: 1, arbitrary: fc.constant(INVALID_UTF8) },
        );
  return fc
    .record({
      auth: fc.oneof(
        { weight: 15, arbitrary: fc.constant("key" as const) },
        fc.constantFrom(
          "none" as const,
          "revoked" as const,
          "unknown" as const,
          "malformed" as const,
          "basic" as const,
        ),
      ),
      params: params.map((value) => toSegments(value, names)),
      query,
      body,
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant("application/json") },
        fc.constantFrom("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""),
      ),
    })
    .map((c) => Object.defineProperty(c, fc.toStringMethod, { value: () => describeCase(c) }));
}

function describeCase(c: RestCase): string {
  const body = c.body instanceof Uint8Array ? "invalid UTF-8" : c.body === undefined ? "none" : describeJson(c.body);
  return `auth ${c.auth}, params ${describeValue(c.params)}, query ${describeValue(c.query)}, body ${body}, content-type ${JSON.stringify(c.contentType)}`;
}

/** JSON text by its structure (long strings and deep nesting shortened), other text as it is. */
function describeJson(text: string): string {
  try {
    return describeValue(JSON.parse(text));
  } catch {
    return `${describeValue(text)} (not JSON)`;
  }
}

function authorization(auth: RestCase["auth"]): Record<string, string> {
  const bearer = (key: string) => ({ authorization: `Bearer ${key}` });
  switch (auth) {
    case "key":
      return bearer(world.apiKeys.valid);
    case "revoked":
      return bearer(world.apiKeys.revoked);
    case "unknown":
      return bearer("olk_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    case "malformed":
      return bearer("olk_\u00e9");
    case "basic":
      return { authorization: "Basic dXNlcjpwYXNz" };
    case "none":
      return {};
  }
}

function requestOf(op: OperationSpec, c: RestCase): Request {
  const pathname = op.path.replace(/\{(\w+)\}/g, (_match, name: string) => safeEncode(c.params[name] ?? ""));
  return new Request(`http://localhost${pathname}${c.query ? `?${c.query}` : ""}`, {
    method: op.method.toUpperCase(),
    body: c.body,
    headers: { ...authorization(c.auth), ...(c.contentType && { "content-type": c.contentType }) },
  });
}

/** Tables whose state differs between two fingerprints. */
function changes(before: Fingerprint, after: Fingerprint): Record<string, string> {
  return Object.fromEntries(
    Object.keys({ ...before, ...after })
      .filter((table) => before[table] !== after[table])
      .map((table) => [table, `${before[table]} → ${after[table]}`]),
  );
}

const UNIVERSAL_CODES = ["UNAUTHENTICATED", "RATE_LIMITED", "RETRY_LATER"];

/** Sends one request and checks its answer, and that a refusal wrote nothing. */
async function exchange(op: OperationSpec, handler: Handler, request: Request, params: Record<string, string>) {
  const before = last ?? (await fingerprint.take());
  const answer: Answer = await readAnswer(await handler(request, { params: Promise.resolve(params) }));
  last = await fingerprint.take();
  const what = `${op.method.toUpperCase()} ${op.path} → ${answer.status} ${answer.text.slice(0, 300)}`;
  const isFile = Object.values(op.responses).some((r) => r.file);
  expect(restAnswerProblems(answer, { expectJson: !isFile }), what).toEqual([]);
  if (answer.status >= 400) {
    const code = (JSON.parse(answer.text) as { error: { code: string } }).error.code;
    expect([...op.errors, ...(op.public ? [] : UNIVERSAL_CODES)], `${what}: ${code} is not documented`).toContain(code);
    expect(changes(before, last), `${what} wrote`).toEqual({});
  }
  return answer;
}

describe.each(OPERATIONS.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))("%s", (_name, op) => {
  it(
    "answers generated and hostile requests without a 5xx, in the one error shape, writing nothing when it refuses",
    async () => {
      const handler = await handlerOf(op);
      await fc.assert(
        fc.asyncProperty(restCase(op), async (c) => {
          await exchange(op, handler, requestOf(op, c), c.params);
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(fuzzRuns()),
  );

  if (op.body)
    it("refuses a body over its limit with 413, declared or not, writing nothing", async () => {
      const handler = await handlerOf(op);
      const limit = op.path === "/api/v1/events" ? MAX_BATCH_BYTES : 1_048_576;
      const oversized = toJson({ padding: "x".repeat(limit) });
      const params = Object.fromEntries(Object.keys(op.params?.schema.shape ?? {}).map((name) => [name, "fuzz_key"]));
      const headers = { ...authorization("key"), "content-type": "application/json" };
      const declared = new Request("http://localhost/x", { method: op.method.toUpperCase(), body: oversized, headers });
      const undeclared = new Request("http://localhost/x", {
        method: op.method.toUpperCase(),
        body: new Blob([oversized]).stream(),
        duplex: "half",
        headers: { ...headers, "content-length": "2" },
      } as RequestInit);
      for (const request of [declared, undeclared]) {
        const answer = await exchange(op, handler, request, params);
        expect(answer.status).toBe(413);
      }
    });
});
