// The brute-force throttle's counts in PostgreSQL (`sign_in_throttle`), shared by every app
// instance. One upsert counts the attempt under all its keys and locks their rows; the
// domain decides from the counts it returns; the admission is written back and committed
// before any password is checked. Concurrent attempts on a key therefore queue on its row
// and each sees the ones before it, so beyond the allowance they are refused unchecked.
//
// Its own small pool, as the API rate limiter has: a flood of sign-in attempts waits here
// rather than taking the connections every page needs, and its sessions commit
// asynchronously (`synchronous_commit=off`): the row locks, above all the one global row
// every attempt passes, are released without waiting for a WAL flush. A crash may forget
// the last fraction of a second of counts.
import pg from "pg";
import { z } from "zod";
import {
  type Admission,
  decideAdmission,
  KNOWN_ADDRESS_MS,
  THROTTLE_RULES,
  type ThrottleKey,
  type ThrottleScope,
} from "@/domain/access/sign-in-throttle";
import { Prisma } from "@/generated/prisma/client";
import { type SqlTx, sqlTransaction } from "@/server/db";

const globalForThrottle = globalThis as unknown as { outcomeLedgerThrottlePool?: pg.Pool };

function throttlePool(): pg.Pool {
  if (!globalForThrottle.outcomeLedgerThrottlePool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error("DATABASE_URL is not set.");
    const pool = new pg.Pool({
      connectionString,
      max: 2,
      connectionTimeoutMillis: 10_000,
      options: "-c TimeZone=UTC -c synchronous_commit=off",
    });
    pool.on("error", (error) => console.warn(`[sign-in throttle] an idle connection was closed: ${error.message}`));
    globalForThrottle.outcomeLedgerThrottlePool = pool;
  }
  return globalForThrottle.outcomeLedgerThrottlePool;
}

const CountRow = z.object({ key: z.string(), admitted: z.number().int(), lockedUntil: z.date().nullable() });

/**
 * Counts one attempt under `keys` and lets it through to a password check or refuses it.
 * `exempt` scopes are counted but do not gate (an address the account is known at).
 */
export async function admitAttempt({
  keys,
  now,
  exempt = [],
}: {
  keys: ThrottleKey[];
  now: Date;
  exempt?: ThrottleScope[];
}): Promise<Admission> {
  const windowEnds = keys.map((k) => new Date(now.getTime() + THROTTLE_RULES[k.scope].windowMs).toISOString());
  return sqlTransaction(
    async (tx) => {
      const rows = await countAttempt(tx, keys, windowEnds, now);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const admission = decideAdmission(
        keys.map((k) => {
          const row = byKey.get(k.key);
          if (!row) throw new Error(`sign-in throttle: no count returned for ${k.key}`);
          return { ...k, admitted: row.admitted, lockedUntil: row.lockedUntil };
        }),
        now,
        { exempt },
      );
      if (admission.admitted) {
        await tx.$executeRaw`
          UPDATE sign_in_throttle AS t SET "admitted" = v.admitted, "lockedUntil" = v.locked_until
          FROM unnest(${admission.next.map((c) => c.key)}::text[], ${admission.next.map((c) => c.admitted)}::int[],
                      ${admission.next.map((c) => c.lockedUntil?.toISOString() ?? null)}::timestamptz[])
            AS v(key, admitted, locked_until)
          WHERE t."key" = v.key`;
      }
      return admission;
    },
    { pool: throttlePool(), timeoutMs: 10_000 },
  );
}

async function countAttempt(tx: SqlTx, keys: ThrottleKey[], windowEnds: string[], now: Date) {
  // A window is over once its time is up and no lock outlasts it: the key starts afresh.
  const over = Prisma.sql`(t."windowEndsAt" <= ${now}::timestamptz
    AND (t."lockedUntil" IS NULL OR t."lockedUntil" <= ${now}::timestamptz))`;
  const rows = await tx.$queryRaw<unknown[]>`
    INSERT INTO sign_in_throttle AS t ("key", "attempts", "admitted", "windowEndsAt")
    SELECT k.key, 1, 0, k.window_ends
    FROM unnest(${keys.map((k) => k.key)}::text[], ${windowEnds}::timestamptz[]) AS k(key, window_ends)
    ORDER BY k.key -- every attempt locks its rows in one order, so two never deadlock
    ON CONFLICT ("key") DO UPDATE SET
      "attempts" = CASE WHEN ${over} THEN 1 ELSE t."attempts" + 1 END,
      "admitted" = CASE WHEN ${over} THEN 0 ELSE t."admitted" END,
      "lockedUntil" = CASE WHEN ${over} THEN NULL ELSE t."lockedUntil" END,
      "windowEndsAt" = CASE WHEN ${over} THEN EXCLUDED."windowEndsAt" ELSE t."windowEndsAt" END
    RETURNING "key", "admitted", "lockedUntil"`;
  return rows.map((row) => CountRow.parse(row));
}

/**
 * After a correct password: clears the keys whose rule says so, takes back the attempt's own
 * count on the others (lifting a lock it no longer justifies), and remembers the address.
 */
export async function recordSuccess({
  keys,
  knownAddress,
  now,
}: {
  keys: ThrottleKey[];
  knownAddress?: { email: string; address: string };
  now: Date;
}): Promise<void> {
  const cleared = keys.filter((k) => THROTTLE_RULES[k.scope].onSuccess === "clear").map((k) => k.key);
  const released = keys.filter((k) => THROTTLE_RULES[k.scope].onSuccess === "release");
  await sqlTransaction(
    async (tx) => {
      if (cleared.length > 0) await tx.$executeRaw`DELETE FROM sign_in_throttle WHERE "key" = ANY(${cleared}::text[])`;
      if (released.length > 0) {
        await tx.$executeRaw`
          UPDATE sign_in_throttle AS t SET
            "admitted" = greatest(t."admitted" - 1, 0),
            "lockedUntil" = CASE WHEN t."admitted" - 1 < v.allowance THEN NULL ELSE t."lockedUntil" END
          FROM unnest(${released.map((k) => k.key)}::text[], ${released.map((k) => THROTTLE_RULES[k.scope].allowance)}::int[])
            AS v(key, allowance)
          WHERE t."key" = v.key`;
      }
      if (knownAddress) {
        await tx.$executeRaw`
          INSERT INTO sign_in_known_address ("email", "address", "lastSignInAt")
          VALUES (${knownAddress.email}, ${knownAddress.address}, ${now}::timestamptz)
          ON CONFLICT ("email", "address") DO UPDATE SET "lastSignInAt" = EXCLUDED."lastSignInAt"`;
      }
    },
    { pool: throttlePool(), timeoutMs: 10_000 },
  );
}

/** Whether the account signed in from this address with the right password lately. */
export async function isKnownAddress({
  email,
  address,
  now,
}: {
  email: string;
  address: string;
  now: Date;
}): Promise<boolean> {
  const since = new Date(now.getTime() - KNOWN_ADDRESS_MS);
  const rows = await throttlePool().query(
    `SELECT 1 FROM sign_in_known_address WHERE "email" = $1 AND "address" = $2 AND "lastSignInAt" > $3`,
    [email, address, since.toISOString()],
  );
  return rows.rowCount !== null && rows.rowCount > 0;
}

/** Forgets windows that are over and addresses not signed in from for a long time (a scheduler job). */
export async function forgetStaleThrottles(now: Date): Promise<number> {
  const at = now.toISOString();
  const pool = throttlePool();
  const counts = await pool.query(
    `DELETE FROM sign_in_throttle WHERE "windowEndsAt" <= $1 AND ("lockedUntil" IS NULL OR "lockedUntil" <= $1)`,
    [at],
  );
  const known = await pool.query(`DELETE FROM sign_in_known_address WHERE "lastSignInAt" <= $1`, [
    new Date(now.getTime() - KNOWN_ADDRESS_MS).toISOString(),
  ]);
  return (counts.rowCount ?? 0) + (known.rowCount ?? 0);
}
