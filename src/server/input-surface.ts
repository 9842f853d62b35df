// Every place a value from outside enters, with the zod schema it is parsed with: each tRPC
// procedure (from `appRouter`), each REST v1 operation (from `OPERATIONS`, the list the
// OpenAPI document is built from) and the few schemas parsed outside both. Read by the input
// rules' guard test (`input-rules.test.ts`) and by the fuzz tests (`tests/hardening/fuzz-*`),
// so neither can miss a procedure or an operation added later.
import type { z } from "zod";
import { OutcomeFilters } from "@/lib/outcome-filters";
import { OPERATIONS } from "@/server/api/openapi";
import { SignInInput } from "@/server/services/auth/verify-sign-in";
import { IngestBatchInput } from "@/server/services/ingestion/ingest-event-schema";
import { appRouter } from "@/server/trpc/root";

export interface ProcedureSurface {
  /** "definitions.publish" */
  path: string;
  type: "query" | "mutation";
  /** Undefined for a procedure without input. */
  input: z.ZodType | undefined;
}

type ProcedureDef = { _def: { type: "query" | "mutation" | "subscription"; inputs: z.ZodType[] } };

/** Every tRPC procedure, by path; `.input()` is called once per procedure (the guard checks every one). */
export function trpcProcedures(): ProcedureSurface[] {
  return Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>).map(([path, p]) => {
    if (p._def.type === "subscription") throw new Error(`${path}: subscriptions are not part of the input surface yet`);
    if (p._def.inputs.length > 1) throw new Error(`${path}: more than one .input(); merge them into one schema`);
    return { path, type: p._def.type, input: p._def.inputs[0] };
  });
}

/** Every REST v1 operation: method, path and the schemas of its path, query and body. */
export const restOperations = () => OPERATIONS;

/** Every schema a value from outside is parsed with, named by where it comes from. */
export function inputSchemas(): [string, z.ZodType][] {
  return [
    ...trpcProcedures().flatMap(({ path, input }): [string, z.ZodType][] => (input ? [[`tRPC ${path}`, input]] : [])),
    ...restOperations().flatMap((op) => {
      const at = `${op.method.toUpperCase()} ${op.path}`;
      return [
        ...(op.params ? [[`${at} path`, op.params.schema] as [string, z.ZodType]] : []),
        ...(op.query ? [[`${at} query`, op.query] as [string, z.ZodType]] : []),
        ...(op.body ? [[`${at} body`, op.body.schema] as [string, z.ZodType]] : []),
      ];
    }),
    // Parsed outside tRPC and the documented REST schemas.
    ["POST /api/v1/events (the batch before its items)", IngestBatchInput],
    ["sign-in form", SignInInput],
    ["outcome explorer URL", OutcomeFilters],
  ];
}
