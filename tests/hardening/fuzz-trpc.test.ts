// Odd input never gets a 5xx (issue 13), tRPC: every procedure of appRouter through the real
// route handler (src/app/api/trpc/[trpc]/route.ts: the same-origin and JSON checks, the fetch
// adapter, superjson), as each role that may call it and now and then as one that may not,
// with inputs generated from its own zod schema, hostile values, superjson that lies about its
// types, batches and wrong methods, content types and origins. Every answer must be JSON, each
// error with the `appCode` and `fields` of the one error table, and a refused call must have
// written nothing (every table's rows and the audit head, on a database of this file's own).
// The session is next-auth's cookie; here the actor it would resolve to is set directly.
import fc from "fast-check";
import superjson from "superjson";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET, POST } from "@/app/api/trpc/[trpc]/route";
import { ROLES, type Role } from "@/domain/roles";
import type { UserActor } from "@/server/auth/current-actor";
import { clock } from "@/server/clock";
import { type ProcedureSurface, trpcProcedures } from "@/server/input-surface";
import { createRequestContext } from "@/server/trpc/context";
import { runOnOwnDatabase } from "../support/database-roles";
import { callerFor } from "../support/fixtures";
import { readAnswer, trpcAnswerProblems } from "../support/fuzz-answers";
import { fuzzParameters, fuzzRuns, fuzzTimeout } from "../support/fuzz-runs";
import { type FuzzWorld, seedFuzzWorld } from "../support/fuzz-world";
import { describeValue, RAW_BODIES } from "../support/hostile-values";
import { type Fingerprint, openWriteFingerprint, type WriteFingerprint } from "../support/write-fingerprint";
import { arbitraryFor } from "../support/zod-arbitrary";

vi.mock(import("@/server/trpc/context"), async (original) => ({
  ...(await original()),
  createRequestContext: vi.fn(),
}));

runOnOwnDatabase();

const APP = "http://localhost";
const PROCEDURES = trpcProcedures();
const now = clock.now();

interface TrpcCase {
  role: Role | "signed out";
  viewed: "none" | "known" | "garbage";
  input: { raw: false; value: unknown } | { raw: true; text: string };
  transport: "single" | "batch" | "wrong method" | "form body" | "foreign origin" | "unknown path" | "batch of many";
}

let world: FuzzWorld;
let fingerprint: WriteFingerprint;
let last: Fingerprint | undefined;
/** Roles the procedure's builder lets through (found by asking, so it cannot drift). */
const allowed = new Map<string, Role[]>();
let session: { actor: UserActor | null; viewedCustomerId: string | null } = { actor: null, viewedCustomerId: null };

beforeAll(async () => {
  world = await seedFuzzWorld();
  fingerprint = await openWriteFingerprint();
  for (const procedure of PROCEDURES) allowed.set(procedure.path, await rolesAllowed(procedure));
}, 120_000);
afterAll(() => fingerprint?.close());
beforeEach(() => {
  vi.mocked(createRequestContext).mockImplementation(async (resHeaders) => ({ ...session, resHeaders }));
});

async function rolesAllowed(procedure: ProcedureSurface): Promise<Role[]> {
  const roles: Role[] = [];
  for (const role of ROLES) {
    const call = procedure.path
      .split(".")
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], callerFor(world.actors[role]));
    const refusal = await (call as (input: unknown) => Promise<unknown>)(undefined).then(
      () => null,
      (error: { code?: string }) => error.code,
    );
    if (refusal !== "FORBIDDEN" && refusal !== "UNAUTHORIZED") roles.push(role);
  }
  return roles;
}

/** superjson input that lies about its types, and text that is no input at all. */
const RAW_INPUTS = [
  ...RAW_BODIES,
  '{"json":"1e999","meta":{"values":["bigint"]}}',
  '{"json":{"a":"x"},"meta":{"values":{"a":["bigint"]}}}',
  '{"json":"not a date","meta":{"values":["Date"]}}',
  '{"json":[1,2],"meta":{"values":["set"]}}',
  '{"json":[[1,2]],"meta":{"values":["map"]}}',
  '{"json":"/(a+)+$/","meta":{"values":["regexp"]}}',
  '{"json":"x","meta":{"values":[["custom","Nope"]]}}',
  '{"json":{},"meta":{"values":[["class","Nope"]]}}',
  '{"json":"x","meta":{"values":[["symbol","Nope"]]}}',
  '{"json":{"a":1},"meta":{"values":{"__proto__.polluted":["Date"]}}}',
  '{"json":{"a":1},"meta":{"values":{"a.b.c.d":["Date"]}}}',
  '{"json":{"a":{}},"meta":{"referentialEqualities":{"a":["a.x"]}}}',
  '{"json":"NaN","meta":{"values":["number"]}}',
  '{"json":{"message":"x"},"meta":{"values":["Error"]}}',
  '{"json":1,"meta":{"values":"x"}}',
  '{"json":1,"meta":null}',
  '{"0":{"json":1}}',
];

/** The input as tRPC's client would send it (superjson), or as JSON when superjson refuses the value. */
function encode(input: TrpcCase["input"]): string {
  if (input.raw) return input.text;
  try {
    return JSON.stringify(superjson.serialize(input.value as never));
  } catch {
    return JSON.stringify({ json: input.value }, (_key, v) => (typeof v === "bigint" ? v.toString() : v)) ?? "{}";
  }
}

const safeEncode = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/\p{Surrogate}/gu, "\ufffd"));
  }
};

function trpcCase(procedure: ProcedureSurface): fc.Arbitrary<TrpcCase> {
  const roles = allowed.get(procedure.path)!;
  const from = (hostile: boolean) =>
    procedure.input ? arbitraryFor(procedure.input, { hostile, known: world.known, now }) : fc.constant(undefined);
  return fc
    .record({
      role: fc.oneof(
        { weight: 8, arbitrary: roles.length > 0 ? fc.constantFrom(...roles) : fc.constantFrom(...ROLES) },
        { weight: 1, arbitrary: fc.constantFrom<TrpcCase["role"]>(...ROLES, "signed out") },
      ),
      viewed: fc.constantFrom<TrpcCase["viewed"]>("none", "known", "garbage"),
      input: fc.oneof(
        { weight: 4, arbitrary: from(false).map((value) => ({ raw: false as const, value })) },
        { weight: 4, arbitrary: from(true).map((value) => ({ raw: false as const, value })) },
        { weight: 1, arbitrary: fc.constantFrom(...RAW_INPUTS).map((text) => ({ raw: true as const, text })) },
      ),
      transport: fc.oneof(
        { weight: 12, arbitrary: fc.constant<TrpcCase["transport"]>("single") },
        { weight: 4, arbitrary: fc.constant<TrpcCase["transport"]>("batch") },
        fc.constantFrom<TrpcCase["transport"]>(
          "wrong method",
          "form body",
          "foreign origin",
          "unknown path",
          "batch of many",
        ),
      ),
    })
    .map((c) => Object.defineProperty(c, fc.toStringMethod, { value: () => describeCase(c) }));
}

function describeCase(c: TrpcCase): string {
  const input = c.input.raw ? `raw ${describeValue(c.input.text)}` : describeValue(c.input.value);
  return `as ${c.role} (viewing ${c.viewed}), ${c.transport}, input ${input}`;
}

function requestOf(procedure: ProcedureSurface, c: TrpcCase): { request: Request; handler: typeof GET } {
  const encoded = encode(c.input);
  const batch = c.transport === "batch" || c.transport === "batch of many";
  const paths =
    c.transport === "unknown path"
      ? "nope.nothing"
      : c.transport === "batch of many"
        ? Array.from({ length: 200 }, () => procedure.path).join(",")
        : procedure.path;
  const input = batch ? `{"0":${encoded}}` : encoded;
  const query = procedure.type === "query" ? c.transport !== "wrong method" : c.transport === "wrong method";
  const headers: Record<string, string> = {
    origin: c.transport === "foreign origin" ? "https://evil.example" : APP,
    "content-type": c.transport === "form body" ? "application/x-www-form-urlencoded" : "application/json",
  };
  const url = `${APP}/api/trpc/${paths}${batch ? "?batch=1" : ""}`;
  if (query) {
    const separator = batch ? "&" : "?";
    return { request: new Request(`${url}${separator}input=${safeEncode(input)}`, { headers }), handler: GET };
  }
  return { request: new Request(url, { method: "POST", headers, body: input }), handler: POST };
}

function sessionOf(c: TrpcCase): typeof session {
  const viewedCustomerId = { none: null, known: world.customerId, garbage: "../\u0000" }[c.viewed];
  return { actor: c.role === "signed out" ? null : world.actors[c.role], viewedCustomerId };
}

/** Tables whose state differs between two fingerprints. */
function changes(before: Fingerprint, after: Fingerprint): Record<string, string> {
  return Object.fromEntries(
    Object.keys({ ...before, ...after })
      .filter((table) => before[table] !== after[table])
      .map((table) => [table, `${before[table]} → ${after[table]}`]),
  );
}

describe.each(PROCEDURES.map((p) => [`${p.type} ${p.path}`, p] as const))("%s", (_name, procedure) => {
  it(
    "answers generated and hostile calls without a 5xx, each error with its appCode and fields, writing nothing when it refuses",
    async () => {
      await fc.assert(
        fc.asyncProperty(trpcCase(procedure), async (c) => {
          const before = last ?? (await fingerprint.take());
          const { request, handler } = requestOf(procedure, c);
          session = sessionOf(c);
          const answer = await readAnswer(await handler(request));
          last = await fingerprint.take();
          const what = `${request.method} ${procedure.path} → ${answer.status} ${answer.text.slice(0, 400)}`;
          const { problems, refused } = trpcAnswerProblems(answer);
          expect(problems, what).toEqual([]);
          if (refused) expect(changes(before, last), `${what} wrote`).toEqual({});
        }),
        fuzzParameters(),
      );
    },
    fuzzTimeout(fuzzRuns()),
  );
});
