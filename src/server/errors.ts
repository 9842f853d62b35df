// One error type for every layer, with a closed set of codes and one table that maps each
// code to its HTTP status and tRPC code. The tRPC error formatter and the REST wrapper both
// read this table, so a given failure looks the same on every surface.
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { z } from "zod";
import { spelledOut } from "@/server/input-rules";

export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION_FAILED"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "PAYLOAD_TOO_LARGE"
  | "INTERNAL";

export interface FieldError {
  /** Dotted path of the offending field, e.g. "events.3.occurredAt". */
  path: string;
  message: string;
}

export const ERROR_MAP: Record<AppErrorCode, { status: number; trpc: TRPC_ERROR_CODE_KEY }> = {
  UNAUTHENTICATED: { status: 401, trpc: "UNAUTHORIZED" },
  FORBIDDEN: { status: 403, trpc: "FORBIDDEN" },
  NOT_FOUND: { status: 404, trpc: "NOT_FOUND" },
  VALIDATION_FAILED: { status: 400, trpc: "BAD_REQUEST" },
  CONFLICT: { status: 409, trpc: "CONFLICT" },
  RATE_LIMITED: { status: 429, trpc: "TOO_MANY_REQUESTS" },
  PAYLOAD_TOO_LARGE: { status: 413, trpc: "PAYLOAD_TOO_LARGE" },
  INTERNAL: { status: 500, trpc: "INTERNAL_SERVER_ERROR" },
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields: FieldError[] = [],
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
    path: issue.path.map((segment) => spelledOut(String(segment))).join(".") || "(request)",
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
  return new AppError(
    "INTERNAL",
    "Something went wrong on our side. Please try again; if it persists, contact support.",
  );
}
