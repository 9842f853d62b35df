// Requests per API key per minute, counted in PostgreSQL so that the limit holds across app
// instances and restarts. rate-limiter-flexible's RateLimiterPostgres does the counting with
// one upsert per request on the `api_rate_limit` table (created by a migration, not by the
// library), through a small pool of its own so that counting never waits behind Prisma's.
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { AppError } from "@/server/errors";
import type { ApiKeyActor } from "@/server/services/api-keys/authenticate-api-key";

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1_200;

/** RATE_LIMITED, with the seconds until the key may send again (the Retry-After header). */
export class RateLimitedError extends AppError {
  constructor(retryAfterSeconds: number, limitPerMinute: number) {
    super(
      "RATE_LIMITED",
      `This API key sent more than ${limitPerMinute} requests in one minute. Retry in ${retryAfterSeconds} seconds.`,
      [],
      retryAfterSeconds,
    );
  }
}

export interface ApiRateLimiter {
  /** Counts one request for the key; throws RateLimitedError when it is over the limit. */
  consume(actor: ApiKeyActor): Promise<void>;
  close(): Promise<void>;
}

export function createApiRateLimiter({
  pointsPerMinute,
  databaseUrl,
}: {
  pointsPerMinute: number;
  databaseUrl: string;
}): ApiRateLimiter {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 2,
    connectionTimeoutMillis: 5_000,
    // A counter, not a record: its commits need not wait for the disk. A crash can forget the
    // last fraction of a second of counts (a few requests uncounted); every request was
    // otherwise waiting for one more WAL flush before its real work began. Billing data keeps
    // synchronous commits (this applies to this pool's connections only).
    options: "-c synchronous_commit=off",
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error(`API rate limit: idle database connection failed: ${error.message}`));
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: "pool",
    tableName: "api_rate_limit",
    tableCreated: true,
    keyPrefix: "api-key",
    points: pointsPerMinute,
    duration: 60,
    // Once a key is over the limit, this instance refuses it until the minute ends without
    // asking the database again, so a client hammering the API costs no writes.
    inMemoryBlockOnConsumed: pointsPerMinute + 1,
  });
  return {
    async consume(actor) {
      try {
        await limiter.consume(actor.apiKeyId);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1_000)), pointsPerMinute);
      }
    },
    close: () => pool.end(),
  };
}

export function rateLimitPerMinute(): number {
  const configured = process.env.API_RATE_LIMIT_PER_MINUTE?.trim();
  if (!configured) return DEFAULT_RATE_LIMIT_PER_MINUTE;
  const value = Number(configured);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`API_RATE_LIMIT_PER_MINUTE must be a whole number of requests above 0, not "${configured}".`);
  }
  return value;
}

const globalForLimiter = globalThis as unknown as { outcomeLedgerApiRateLimiter?: ApiRateLimiter };

/** The process's limiter, made on first use from API_RATE_LIMIT_PER_MINUTE and DATABASE_URL. */
export function apiRateLimiter(): ApiRateLimiter {
  globalForLimiter.outcomeLedgerApiRateLimiter ??= createApiRateLimiter({
    pointsPerMinute: rateLimitPerMinute(),
    databaseUrl: databaseUrl(),
  });
  return globalForLimiter.outcomeLedgerApiRateLimiter;
}

export async function closeApiRateLimiter(): Promise<void> {
  await globalForLimiter.outcomeLedgerApiRateLimiter?.close();
  globalForLimiter.outcomeLedgerApiRateLimiter = undefined;
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides the database.");
  return url;
}
