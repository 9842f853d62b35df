// What the fuzz tests demand of every answer, as a list of problems (empty when it is right):
// no 5xx (a 503 only with Retry-After: contention or a saturated pool, "send it again"), a
// JSON body, and every error in the one shape: REST `{ error: { code, message, fields } }`
// with the status ERROR_MAP gives its code, tRPC `error.json.data` with the `appCode` and
// `fields` the error formatter adds. A VALIDATION_FAILED names at least one field.
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { type AppErrorCode, ERROR_MAP } from "@/server/errors";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
}

/** The whole answer, read to its end (a streamed CSV included). */
export async function readAnswer(response: Response): Promise<Answer> {
  return { status: response.status, headers: response.headers, text: await response.text() };
}

export const isJson = (answer: Answer) => /^application\/json\b/i.test(answer.headers.get("content-type") ?? "");

function statusProblems(status: number, headers: Headers): string[] {
  if (status < 500) return [];
  if (status === 503 && headers.get("retry-after")) return [];
  return [`status ${status}${status === 503 ? " without Retry-After" : ""}`];
}

function parsed(answer: Answer): { ok: true; body: unknown } | { ok: false; problem: string } {
  try {
    return { ok: true, body: JSON.parse(answer.text) };
  } catch {
    return { ok: false, problem: `a body that is not JSON: ${answer.text.slice(0, 200)}` };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function fieldsProblems(fields: unknown, code: unknown): string[] {
  if (!Array.isArray(fields)) return [`fields is not a list: ${JSON.stringify(fields)}`];
  const problems = fields.flatMap((field) =>
    isRecord(field) && typeof field.path === "string" && field.path !== "" && typeof field.message === "string"
      ? field.message.trim() === ""
        ? [`field ${field.path} without a message`]
        : []
      : [`a field that is not { path, message }: ${JSON.stringify(field)}`],
  );
  if (code === "VALIDATION_FAILED" && fields.length === 0) problems.push("VALIDATION_FAILED naming no field");
  return problems;
}

/** REST v1 (and the refusals the tRPC route answers before tRPC runs). */
export function restAnswerProblems(answer: Answer, { expectJson = true } = {}): string[] {
  const problems = statusProblems(answer.status, answer.headers);
  if (answer.status < 400) {
    if (!expectJson && !isJson(answer)) return problems;
    const body = parsed(answer);
    return body.ok ? problems : [...problems, body.problem];
  }
  if (!isJson(answer)) problems.push(`an error with content-type ${answer.headers.get("content-type")}`);
  const body = parsed(answer);
  if (!body.ok) return [...problems, body.problem];
  const error = isRecord(body.body) ? body.body.error : undefined;
  if (!isRecord(error) || Object.keys(body.body as object).length !== 1) {
    return [...problems, `not the one error body: ${answer.text.slice(0, 300)}`];
  }
  const code = error.code as AppErrorCode;
  if (!(code in ERROR_MAP)) problems.push(`unknown code ${JSON.stringify(code)}`);
  else if (ERROR_MAP[code].status !== answer.status) problems.push(`${code} answered with status ${answer.status}`);
  if (typeof error.message !== "string" || error.message.trim() === "") problems.push("an error without a message");
  if ((code === "RATE_LIMITED" || code === "RETRY_LATER") && !answer.headers.get("retry-after")) {
    problems.push(`${code} without Retry-After`);
  }
  return [...problems, ...fieldsProblems(error.fields, code)];
}

/** tRPC over HTTP (superjson): one result or error per call, an array for a batch. */
export function trpcAnswerProblems(answer: Answer): { problems: string[]; refused: boolean } {
  const status = statusProblems(answer.status, answer.headers);
  const body = parsed(answer);
  if (!body.ok) return { problems: [...status, body.problem], refused: answer.status >= 400 };
  // Refused by the route before tRPC read the call (another site, not JSON): the REST body.
  if (isRecord(body.body) && isRecord(body.body.error) && "code" in body.body.error) {
    return { problems: restAnswerProblems(answer), refused: true };
  }
  const items = Array.isArray(body.body) ? body.body : [body.body];
  const problems = [...status, ...items.flatMap((item) => trpcItemProblems(item, answer, !Array.isArray(body.body)))];
  // A batch whose calls partly succeeded may have written: only a wholly refused answer must not have.
  return { problems, refused: items.every((item) => isRecord(item) && "error" in item) };
}

function trpcItemProblems(item: unknown, answer: Answer, single: boolean): string[] {
  if (isRecord(item) && isRecord(item.result)) return [];
  const error = isRecord(item) && isRecord(item.error) ? item.error.json : undefined;
  if (!isRecord(error) || !isRecord(error.data))
    return [`neither a result nor a tRPC error: ${answer.text.slice(0, 300)}`];
  const data = error.data;
  const problems: string[] = [];
  if (typeof error.message !== "string" || error.message.trim() === "") problems.push("an error without a message");
  if (typeof data.httpStatus !== "number") problems.push("an error without httpStatus");
  else {
    problems.push(...statusProblems(data.httpStatus, answer.headers));
    if (single && data.httpStatus !== answer.status)
      problems.push(`httpStatus ${data.httpStatus} on a ${answer.status}`);
  }
  const appCode = data.appCode as AppErrorCode | null;
  if (appCode === null || !(appCode in ERROR_MAP)) problems.push(`appCode ${JSON.stringify(appCode)} (${data.code})`);
  else if (ERROR_MAP[appCode].trpc !== (data.code as TRPC_ERROR_CODE_KEY)) problems.push(`${appCode} as ${data.code}`);
  if (data.stack != null) problems.push("a stack trace");
  return [...problems, ...fieldsProblems(data.fields, appCode)];
}
