// The outcomes explorer's filters as they travel in the URL (`/outcomes?status=billable&from=…`),
// so a link reproduces the view. Invalid values are dropped rather than refused: a stale or
// hand-edited link still opens the page, with that filter off.
import { z } from "zod";
import { isoDay, period, text } from "@/server/input-rules";

const day = isoDay().optional().catch(undefined);

export const OutcomeFilters = z.object({
  period: period().optional().catch(undefined),
  definition: text().trim().min(1).max(100).optional().catch(undefined),
  status: z.enum(["pending", "billable", "not_billable"]).optional().catch(undefined),
  from: day,
  to: day,
  q: text().trim().min(1).max(200).optional().catch(undefined),
  sort: z.enum(["newest", "oldest"]).catch("newest"),
  cursor: text()
    .regex(/^[A-Za-z0-9_-]{1,200}$/)
    .optional()
    .catch(undefined),
});
export type OutcomeFilters = z.infer<typeof OutcomeFilters>;

export const FILTER_KEYS = ["period", "definition", "status", "from", "to", "q", "sort", "cursor"] as const;

type SearchRecord = Record<string, string | string[] | undefined>;

export function filtersFrom(params: SearchRecord | URLSearchParams): OutcomeFilters {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    const one = Array.isArray(value) ? value[0] : value;
    return one === "" || one === null ? undefined : one;
  };
  return OutcomeFilters.parse(Object.fromEntries(FILTER_KEYS.map((k) => [k, get(k)])));
}

/** The list query the filters stand for (the use case's names: `q` is a subject prefix). */
export function listQueryOf({ q, ...f }: OutcomeFilters) {
  return { ...f, subjectPrefix: q };
}

/** `?status=billable&from=…`, without empty values or the default sort; `changes` override. */
export function searchOf(filters: OutcomeFilters, changes: Partial<OutcomeFilters> = {}): string {
  const merged: Partial<OutcomeFilters> = { ...filters, ...changes };
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = merged[key];
    if (value && !(key === "sort" && value === "newest")) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const hasFilters = (f: OutcomeFilters) => Boolean(f.period || f.definition || f.status || f.from || f.to || f.q);
