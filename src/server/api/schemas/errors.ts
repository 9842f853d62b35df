// The one error body of REST v1 (see response.ts), as a schema for the OpenAPI document.
import { z } from "zod";
import { type AppErrorCode, ERROR_MAP } from "@/server/errors";

const codes = Object.keys(ERROR_MAP) as [AppErrorCode, ...AppErrorCode[]];

export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(codes).describe("Machine-readable; the HTTP status follows from it."),
    message: z.string().describe("For people: says what to fix."),
    fields: z
      .array(
        z.object({
          path: z.string().describe('Dotted path of the offending field, e.g. "events.3.occurredAt".'),
          message: z.string(),
        }),
      )
      .describe("Every invalid field of a 400; empty otherwise."),
  }),
});
