// Deterministic randomness and time helpers for the demo attempts. A seeded PRNG (not
// Math.random) so that one run date always yields the same data: event ids are idempotency
// keys, and the same id must always carry the same content.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** mulberry32: tiny, fast, and good enough for demo data (not for anything secret). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a, so each stream ("globex/ticket_resolved") gets its own fixed seed from its name. */
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class Rng {
  private readonly next: () => number;

  constructor(name: string) {
    this.next = mulberry32(hashSeed(name));
  }

  float(min = 0, max = 1): number {
    return min + (max - min) * this.next();
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      roll -= w;
      if (roll < 0) return key;
    }
    return entries.at(-1)![0];
  }

  /** A cost as the API wants it: a decimal string with 4 places, e.g. "0.0123" (no float formatting). */
  cost(min: number, max: number): { amount: string; currency: "USD" } {
    const units = this.int(Math.round(min * 10_000), Math.round(max * 10_000));
    return { amount: `${Math.floor(units / 10_000)}.${String(units % 10_000).padStart(4, "0")}`, currency: "USD" };
  }

  /** A share or score with 2 decimals (the API accepts at most 4). */
  share(min: number, max: number): number {
    return this.int(Math.round(min * 100), Math.round(max * 100)) / 100;
  }
}

/** Replaces `{name}` placeholders; a missing value is a bug in the templates, so it throws. */
export function fill(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    if (!(key in vars)) throw new Error(`Template variable {${key}} has no value: ${template}`);
    return String(vars[key]);
  });
}

export interface Schedule {
  /** The first day (UTC midnight) of the demo history. */
  from: Date;
  now: Date;
  /** Attempts on an average weekday at the start of the history. */
  perWeekday: number;
  /** Weekend volume relative to a weekday (B2B is quiet on weekends, retail is not). */
  weekendFactor: number;
  /** Month-over-month growth, so the charts show a provider gaining traction. */
  monthlyGrowth: number;
  /** The customer's offset from UTC in hours: traffic follows its local day. */
  utcOffsetHours: number;
  /** Relative traffic per local hour 0..23. */
  hourWeights: readonly number[];
}

/** When each attempt happened, oldest first, up to `now`. */
export function attemptTimes(rng: Rng, s: Schedule): Date[] {
  const times: Date[] = [];
  const hours = Object.fromEntries(s.hourWeights.map((w, h) => [String(h), w])) as Record<string, number>;
  for (let day = s.from.getTime(); day <= s.now.getTime(); day += DAY) {
    const weekday = new Date(day).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const months = (day - s.from.getTime()) / (30 * DAY);
    const mean = s.perWeekday * (weekend ? s.weekendFactor : 1) * (1 + s.monthlyGrowth) ** months;
    const count = Math.max(0, Math.round(mean * rng.float(0.8, 1.2)));
    for (let i = 0; i < count; i++) {
      const localHour = Number(rng.weighted(hours));
      const at = day + (localHour - s.utcOffsetHours) * HOUR + rng.int(0, HOUR - 1);
      if (at <= s.now.getTime() && at >= s.from.getTime()) times.push(new Date(at));
    }
  }
  return times.sort((a, b) => a.getTime() - b.getTime());
}

export const SUPPORT_HOURS = [1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 11, 11, 10, 10, 10, 9, 8, 7, 6, 6, 5, 4, 2, 1] as const;
export const OFFICE_HOURS = [0, 0, 0, 0, 0, 0, 1, 3, 8, 11, 12, 11, 8, 10, 11, 10, 8, 5, 2, 1, 1, 0, 0, 0] as const;
