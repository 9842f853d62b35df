// What every REST answer looks like: JSON (BigInt as a decimal string, Date as ISO 8601),
// and for any failure the one error body, its status read from ERROR_MAP.
import { ERROR_MAP, type FieldError, toAppError } from "@/server/errors";

export interface ErrorBody {
  error: { code: string; message: string; fields: FieldError[] };
}

export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  const body = JSON.stringify(data, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
  const response = new Response(body, { status, headers });
  response.headers.set("content-type", "application/json; charset=utf-8");
  return response;
}

/** The response for anything thrown; an unexpected error is logged once and answered vaguely. */
export function errorResponse(error: unknown, request: Request): Response {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL") {
    console.error(`REST ${request.method} ${new URL(request.url).pathname} failed:`, error);
  }
  const body: ErrorBody = { error: { code: appError.code, message: appError.message, fields: appError.fields } };
  const headers: Record<string, string> =
    appError.retryAfterSeconds === undefined ? {} : { "retry-after": String(appError.retryAfterSeconds) };
  return json(body, ERROR_MAP[appError.code].status, headers);
}
