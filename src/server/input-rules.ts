// What every value from outside must be before it may reach PostgreSQL, as zod builders that
// every input schema is made of (tRPC inputs, REST bodies, queries and paths, ingested events,
// the outcome explorer's URL). PostgreSQL refuses a NUL character in text and jsonb, and a
// lone UTF-16 surrogate in jsonb (it arrives escaped as \ud800), and JS and PostgreSQL
// disagree about far-away dates (year 0, ±275760): each of these failed a whole request with
// a 500 before it was refused here with a field error. `input-rules.test.ts` walks every tRPC
// procedure's and every REST operation's schema and fails on a string, date or whole number
// that is not made with these builders, so a new schema cannot forget them.
import { z } from "zod";

/** A NUL character or a UTF-16 surrogate without its other half (paired ones are one code point under /u). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is the character this looks for.
const UNSTORABLE = /\u0000|\p{Surrogate}/u;

function unstorableCharacterMessage(text: string): string | null {
  // Every string of every request passes here: the two built-in scans are ten times faster
  // than the regular expression, which only runs to say where the offending character is.
  if (!text.includes("\u0000") && text.isWellFormed()) return null;
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  const at = `at position ${match.index + 1}`;
  if (match[0] === "\u0000") return `Remove the NUL character (U+0000) ${at}: text cannot contain it.`;
  const code = match[0].charCodeAt(0).toString(16).toUpperCase();
  return `Replace the unpaired surrogate U+${code} ${at}: send text as valid Unicode (surrogates only in pairs).`;
}

/** `text` with NUL and lone surrogates spelled out as \u0000, e.g. a refused key named in an error's path. */
export function spelledOut(text: string): string {
  return text.replace(
    new RegExp(UNSTORABLE.source, "gu"),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The text rule as one zod check; the guard test looks for this very instance. */
export const storableText = z.superRefine<string>((text, ctx) => {
  const message = unstorableCharacterMessage(text);
  if (message) ctx.addIssue({ code: "custom", message, input: text });
});

/** Every string from outside: `text().trim().min(1).max(200)` where one would write `z.string()…`. */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).check(storableText);
}

/**
 * An http(s) URL that can be stored: `z.url()` accepts NUL and lone surrogates. Like the other
 * formats it aborts, so a refinement that reads the URL (`new URL(…)` throws) sees URLs only.
 */
export function webUrl(error: string) {
  return z.url({ protocol: /^https?$/, error, abort: true }).check(storableText);
}

/** A whole number that fits PostgreSQL's `integer` (Prisma's Int), bounded further by `.min()`/`.max()`. */
export function int(params?: Parameters<typeof z.number>[0]) {
  return z.number(params).int().min(INT4_MIN).max(INT4_MAX);
}

/** `int()` for query strings and path segments, which arrive as text. */
export function coercedInt(params?: Parameters<typeof z.coerce.number>[0]) {
  return z.coerce.number(params).int().min(INT4_MIN).max(INT4_MAX);
}

export const INT4_MIN = -2_147_483_648;
export const INT4_MAX = 2_147_483_647;
export const INT8_MAX = 9_223_372_036_854_775_807n;

// Instants: the years 2000 to 2999 (UTC). Both JavaScript and PostgreSQL represent far more,
// but not the same far more (JS has a year 0 and ±275760, PostgreSQL neither), and nothing
// this product bills happened before 2000 or will after 2999.
export const EARLIEST_INSTANT = new Date("2000-01-01T00:00:00Z");
/** Exclusive. */
export const END_OF_INSTANTS = new Date("3000-01-01T00:00:00Z");
const RANGE_WORDS = "between the years 2000 and 2999 (UTC)";

export function isSupportedInstant(at: Date): boolean {
  const ms = at.getTime();
  return ms >= EARLIEST_INSTANT.getTime() && ms < END_OF_INSTANTS.getTime();
}

/** The range rule on a Date; the guard test looks for this very instance. */
export const supportedInstant = z.superRefine<Date>((at, ctx) => {
  if (!Number.isNaN(at.getTime()) && !isSupportedInstant(at)) {
    ctx.addIssue({ code: "custom", message: `Give a time ${RANGE_WORDS}.`, input: at });
  }
});

/** The range rule on ISO text (an instant, a day "2026-11-25" or a period "2026-11"); unreadable text is left to the format check. */
export const supportedIsoText = z.superRefine<string>((text, ctx) => {
  // Years 2001 to 2998 are inside whatever the rest says (an offset moves an instant by less
  // than a day); only the edge years and the strange ones are parsed.
  const year = text.length >= 4 && text.charCodeAt(0) === 50 ? Number(text.slice(0, 4)) : Number.NaN;
  if (year > 2000 && year < 2999) return;
  const at = new Date(
    /^\d{4}-\d{2}$/.test(text) ? `${text}-01T00:00:00Z` : /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text,
  );
  if (!Number.isNaN(at.getTime()) && !isSupportedInstant(at)) {
    ctx.addIssue({ code: "custom", message: `Give a date ${RANGE_WORDS}.`, input: text });
  }
});

// The format checks abort, so that text in no format at all gets one error, not two.

/** An ISO 8601 time with its zone (REST bodies and ingested events), parsed to a Date. */
export function isoInstant(error: string) {
  return isoInstantText(error).transform((s) => new Date(s));
}

/** An ISO 8601 time that stays text (a REST field handed on to a use case that parses it). */
export function isoInstantText(error?: string) {
  return z.iso.datetime({ offset: true, error, abort: true }).check(supportedIsoText);
}

/** A day, "2026-11-25". */
export function isoDay(error?: string) {
  return z.iso.date({ error, abort: true }).check(supportedIsoText);
}

/** An instant from a tRPC input (a Date through superjson) or any text `new Date()` reads. */
export function instant(error?: string) {
  return z.coerce.date(error).check(supportedInstant);
}

/** A billing period, "2026-11": a calendar month in UTC. */
export function period(error = "Give the period as YYYY-MM.") {
  return text()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error, abort: true })
    .check(supportedIsoText);
}
