-- Per-API-key request counters for the REST API's rate limit, shared by every app instance.
-- Written by hand and not modelled in schema.prisma: only rate-limiter-flexible's
-- RateLimiterPostgres reads and writes it (with raw SQL, `tableCreated: true`). Its columns,
-- their order and types are the ones that library creates and upserts into:
-- `INSERT INTO api_rate_limit VALUES (key, points, expire)`, expire in epoch milliseconds.
CREATE TABLE "api_rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,

    CONSTRAINT "api_rate_limit_pkey" PRIMARY KEY ("key")
);

-- The library deletes rows that expired over an hour ago, every five minutes.
CREATE INDEX "api_rate_limit_by_expire" ON "api_rate_limit"("expire");
