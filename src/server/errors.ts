// One error type for every layer, with a closed set of codes and one table that maps each
// code to its HTTP status and tRPC code. The tRPC error formatter and the REST wrapper both
// read this table, so a given failure looks the same on every surface.
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { z } from "zod";
import { CONTENTION_TRIES, databaseFailureOf, isPoolSaturated } from "@/server/db";
import { spelledOut } from "@/server/input-rules";

export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION_FAILED"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "PAYLOAD_TOO_LARGE"
  | "RETRY_LATER"
  | "INTERNAL";

export interface FieldError {
  /** Dotted path of the offending field, e.g. "events.3.occurredAt", or WHOLE_REQUEST. */
  path: string;
  message: string;
}

/** The field path of a fault in the request as a whole: a body that is not JSON, or not an object. */
export const WHOLE_REQUEST = "(request)";

export const ERROR_MAP: Record<AppErrorCode, { status: number; trpc: TRPC_ERROR_CODE_KEY }> = {
  UNAUTHENTICATED: { status: 401, trpc: "UNAUTHORIZED" },
  FORBIDDEN: { status: 403, trpc: "FORBIDDEN" },
  NOT_FOUND: { status: 404, trpc: "NOT_FOUND" },
  VALIDATION_FAILED: { status: 400, trpc: "BAD_REQUEST" },
  CONFLICT: { status: 409, trpc: "CONFLICT" },
  RATE_LIMITED: { status: 429, trpc: "TOO_MANY_REQUESTS" },
  PAYLOAD_TOO_LARGE: { status: 413, trpc: "PAYLOAD_TOO_LARGE" },
  // 503 with Retry-After rather than 409: the request was valid and contradicted nothing the
  // client can see or change; the same request sent again shortly will do, which is what
  // 503 + Retry-After tells HTTP clients (and what their retry policies act on by themselves).
  RETRY_LATER: { status: 503, trpc: "SERVICE_UNAVAILABLE" },
  INTERNAL: { status: 500, trpc: "INTERNAL_SERVER_ERROR" },
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
    /** Sent as the Retry-After header. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }

  static notFound(what: string): AppError {
    return new AppError("NOT_FOUND", `${what} was not found.`);
  }
}

export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    // A key the client sent is part of the path: spelled out, so that the answer can be logged and shown.
    path: issue.path.map((segment) => spelledOut(String(segment))).join(".") || WHOLE_REQUEST,
    // A refused record key says only "Invalid key in record"; what is wrong with it is inside.
    message: issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message,
  }));
}

/** Turns anything thrown into an AppError; unknown errors become a generic INTERNAL one. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) {
    return new AppError("VALIDATION_FAILED", "Some fields are not valid.", fieldErrorsFromZod(error));
  }
  const failure = databaseFailureOf(error);
  if (failure?.sqlState === "23505") {
    // A unique index refused a row that a concurrent request saved first (a use case's own
    // check for it ran before that request committed).
    const columns = failure.columns ?? [];
    return new AppError(
      "CONFLICT",
      columns.length > 0
        ? `Something with this ${columns.join(" and ")} was saved a moment ago; nothing was changed.`
        : "This conflicts with something saved a moment ago; nothing was changed. Reload and try again.",
      columns.map((path) => ({ path, message: "Already in use." })),
    );
  }
  if (failure?.sqlState === "40001" || failure?.sqlState === "40P01") {
    return new AppError(
      "RETRY_LATER",
      `Other changes to the same data kept colliding with this request (${CONTENTION_TRIES} tries); nothing was saved. Send the same request again in a moment.`,
      [],
      1,
    );
  }
  if (isPoolSaturated(error)) {
    return new AppError(
      "RETRY_LATER",
      "The server is busy with other requests; nothing was saved. Send the same request again in a moment.",
      [],
      1,
    );
  }
  return new AppError(
    "INTERNAL",
    "Something went wrong on our side. Please try again; if it persists, contact support.",
  );
}
