// Reading and validating what a REST request sends. Both throw AppErrors, which the wrapper
// turns into the one error response.
import type { z } from "zod";
import { AppError, fieldErrorsFromZod, WHOLE_REQUEST } from "@/server/errors";

/**
 * The request body parsed as JSON, refused with 413 when it is over `maxBytes`: early when
 * Content-Length says so, and while streaming when the sender says less than it sends.
 */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The request body is over ${megabytes(maxBytes)} MB.`);
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const bytes = await readAtMost(request, maxBytes, tooLarge);
  const notJson = (why: string) =>
    new AppError("VALIDATION_FAILED", "The request body is not valid JSON.", [{ path: WHOLE_REQUEST, message: why }]);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw notJson("Send the body as UTF-8 text.");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    // JSON.parse says where, e.g. "Expected property name or '}' in JSON at position 2".
    throw notJson(error instanceof SyntaxError ? error.message : "Send the body as JSON.");
  }
}

async function readAtMost(request: Request, maxBytes: number, tooLarge: () => AppError): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function megabytes(bytes: number): string {
  return String(Math.round((bytes / 1_048_576) * 100) / 100);
}

/** `data` validated by `schema`, or VALIDATION_FAILED naming every offending field. */
export function parseInput<S extends z.ZodType>(schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const fields = fieldErrorsFromZod(result.error);
  const summary = fields.map((f) => `${f.path}: ${f.message}`).join(" ");
  throw new AppError("VALIDATION_FAILED", `Some fields are not valid. ${summary}`, fields);
}

/** The query string as a plain object, for `parseInput`. */
export function queryOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
