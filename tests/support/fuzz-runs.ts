// How long the fuzz tests run. FUZZ_RUNS is the number of requests per REST operation and per
// tRPC procedure (default 25, enough for CI, which runs the suite three times); set it to
// thousands to search longer. FUZZ_SEED replays the run a failure report names (fast-check
// prints the seed and the path of the failing case; FUZZ_PATH replays exactly that case).
import type fc from "fast-check";

export const DEFAULT_FUZZ_RUNS = 25;

export function fuzzRuns(): number {
  const configured = process.env.FUZZ_RUNS?.trim();
  if (!configured) return DEFAULT_FUZZ_RUNS;
  const runs = Number(configured);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`FUZZ_RUNS must be a whole number above 0, not "${configured}".`);
  return runs;
}

/** fast-check's parameters for `runs` cases, with the seed and path from the environment when replaying. */
export function fuzzParameters(runs = fuzzRuns()): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED?.trim();
  const path = process.env.FUZZ_PATH?.trim();
  return {
    numRuns: runs,
    ...(seed && { seed: Number(seed) }),
    ...(path && { path }),
  };
}

/** A fuzz test's own time limit: a few seconds per hundred requests, more when FUZZ_RUNS asks for more. */
export const fuzzTimeout = (requests: number) => 60_000 + requests * 100;
