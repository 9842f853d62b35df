// The one source of "now" for the server, its jobs, scripts and tests. Billing reasons about
// instants (which period is open, whether an observation window has closed, whether a
// dispute is still in time), so the instant must be an input: a test pins it, and the suite
// runs at the instants that historically break billing code (the 1st at 00:30, 29 February,
// the last hour of a month). Every other file reads time from `clock.now()`; a Biome plugin
// (`biome/no-ambient-clock.grit`) refuses `new Date()` and `Date.now()` elsewhere.
//
// `OUTCOME_LEDGER_NOW=<ISO instant>` starts the process's clock at that instant; it then
// ticks at the real rate, so timeouts, "once a minute" throttles and ordering still behave.
// `OUTCOME_LEDGER_NOW_SINCE=<ISO instant>` says at which real instant it held (default: when
// the process first read the clock), so that several processes tick in step.
// It is for test and end-to-end processes only: under NODE_ENV=production (every `next
// start`) it is refused unless the end-to-end harness also sets OUTCOME_LEDGER_TEST_CLOCK=allow.

const PIN_VARIABLE = "OUTCOME_LEDGER_NOW";

interface Pin {
  /** The pinned instant, in ms since the epoch. */
  at: number;
  /** The real time when it was pinned, so a ticking clock advances from there. */
  since: number;
  frozen: boolean;
}

let pin: Pin | null | undefined;

function realTime(): number {
  return Date.now();
}

/** Parses an instant given as text; refuses anything without an explicit zone. */
export function parseInstant(text: string, source = PIN_VARIABLE): Date {
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(text.trim());
  const instant = new Date(text.trim());
  if (!zoned || Number.isNaN(instant.getTime())) {
    throw new Error(`${source} must be an ISO 8601 instant with a zone, e.g. 2027-03-01T00:30:00Z (got "${text}").`);
  }
  return instant;
}

function pinFromEnvironment(): Pin | null {
  const text = process.env[PIN_VARIABLE];
  if (!text) return null;
  if (isProductionRuntime() && process.env.OUTCOME_LEDGER_TEST_CLOCK !== "allow") {
    throw new Error(
      `${PIN_VARIABLE} pins the clock for tests and is refused in production. Unset it to run on the real time.`,
    );
  }
  // Several processes (the end-to-end runner and the app it starts) share one pinned clock
  // when they are told the real instant at which OUTCOME_LEDGER_NOW held.
  const sinceText = process.env.OUTCOME_LEDGER_NOW_SINCE;
  const since = sinceText ? parseInstant(sinceText, "OUTCOME_LEDGER_NOW_SINCE").getTime() : realTime();
  return { at: parseInstant(text).getTime(), since, frozen: false };
}

function isProductionRuntime(): boolean {
  // Read through a variable so that bundlers do not inline NODE_ENV at build time.
  const variable = "NODE_ENV";
  return process.env[variable] === "production";
}

function currentPin(): Pin | null {
  if (pin === undefined) pin = pinFromEnvironment();
  return pin;
}

export const clock = {
  /** The current instant: the real time, or the pinned one. */
  now(): Date {
    const current = currentPin();
    if (!current) return new Date();
    return new Date(current.frozen ? current.at : current.at + (realTime() - current.since));
  },
  /** Whether the clock is pinned (the health check and the start-up banner say so). */
  isPinned(): boolean {
    return currentPin() !== null;
  },
};

/**
 * Tests only: pins the clock at `instant`. A frozen clock stands still (for assertions on
 * exact instants); otherwise it ticks from there at the real rate.
 */
export function setNow(instant: Date | string, { frozen = false }: { frozen?: boolean } = {}): void {
  if (isProductionRuntime()) throw new Error("setNow is for tests; the production clock cannot be moved.");
  const at = typeof instant === "string" ? parseInstant(instant, "setNow") : instant;
  pin = { at: at.getTime(), since: realTime(), frozen };
}

/** Tests only: back to the process's own clock (OUTCOME_LEDGER_NOW when set, else real time). */
export function resetNow(): void {
  pin = pinFromEnvironment();
}
