// The one database pool of the process, shared by the Prisma client and by the ingestion
// write path's transactions on pg directly. The URL always comes from DATABASE_URL: `npm
// start` sets it to the embedded cluster when the user did not, so the app never guesses.
// Every connection it hands out carries the row-level-security scope of the request it
// serves (a customer's own rows, or the provider's view of all of them).
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * What a raw-SQL write path needs of a transaction. Prisma's transactions have it, and so
 * do `sqlTransaction`'s on pg directly; both return rows decoded alike (numeric as
 * Decimal, bigint as BigInt, timestamps as Date).
 */
export interface SqlTx {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

interface Connection {
  prisma: PrismaClient;
  pool: pg.Pool;
}

/** What a request may see: one customer's rows, or (no scope) everything the provider has. */
interface DatabaseScope {
  customerId: string;
}

const scopeStorage = new AsyncLocalStorage<DatabaseScope>();
const POOL_CHECKOUT_TIMEOUT_MS = 15_000;
const PROVIDER_SCOPE = "provider";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `work` so that every query it makes, through Prisma or pg, sees only `customerId`'s
 * rows of the customer tables (the row-level-security policies of the migration
 * 20261203082731_audit_anchor_and_row_security): the second wall behind each query's own
 * customer filter. The procedure builders and the portal routes wrap every request of a
 * customer user in it; staff, API keys and jobs run without a scope and see every customer.
 */
export function withCustomerScope<T>(customerId: string, work: () => T | PromiseLike<T>): Promise<T> {
  if (!UUID.test(customerId)) return Promise.reject(new Error(`Not a customer id: ${customerId}`));
  // Awaited inside the scope: Prisma's queries are lazy and start only when awaited.
  return scopeStorage.run({ customerId }, async () => await work());
}

/**
 * Captures the current scope for work that runs later from elsewhere, such as a streamed
 * download's next page, which the response's reader pulls outside the request's context.
 */
export function keepDatabaseScope(): <R>(work: () => R | PromiseLike<R>) => Promise<R> {
  const inScope = AsyncLocalStorage.snapshot();
  return (work) => inScope(async () => await work());
}

/** The scope a connection last had set, so a checkout costs a statement only when it changes. */
const scopeOfConnection = new WeakMap<pg.PoolClient, string>();

/**
 * A pg pool whose every checkout (Prisma's queries and transactions, `sqlTransaction`,
 * `pool.query`) first sets the session's `outcome_ledger.scope`/`outcome_ledger.customer_id`
 * to the scope of the code asking for it.
 */
class ScopedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(
    callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): void;
  override connect(
    callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void,
  ): Promise<pg.PoolClient> | undefined {
    const wanted = scopeStorage.getStore()?.customerId ?? PROVIDER_SCOPE;
    const ready = super.connect().then(async (client) => {
      if (scopeOfConnection.get(client) !== wanted) {
        try {
          await client.query(
            "SELECT set_config('outcome_ledger.scope', $1, false), set_config('outcome_ledger.customer_id', $2, false)",
            wanted === PROVIDER_SCOPE ? [PROVIDER_SCOPE, ""] : ["customer", wanted],
          );
        } catch (error) {
          client.release(error as Error);
          throw error;
        }
        scopeOfConnection.set(client, wanted);
      }
      return client;
    });
    if (!callback) return ready;
    ready.then(
      (client) => callback(undefined, client, (release) => client.release(release as Error | undefined)),
      (error: Error) => callback(error, undefined, () => {}),
    );
    return undefined;
  }
}

function connect(): Connection {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides the embedded database.");
  }
  const pool = new ScopedPool({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Waiting for a free connection longer than this answers 503 (RETRY_LATER): the instance is
    // saturated, e.g. hundreds of simultaneous batches that all append to the one audit chain.
    connectionTimeoutMillis: POOL_CHECKOUT_TIMEOUT_MS,
    // Every session in UTC, whatever the server's or the machine's zone: Prisma's adapter
    // reads timestamptz text as if it were UTC (it drops the offset), and SQL that truncates
    // instants to days or months must not depend on where the server runs.
    options: "-c TimeZone=UTC",
  });
  // An idle connection that the server closes (a restart, an idle timeout) leaves the pool;
  // without a listener pg raises it as an uncaught error, which would end the process.
  pool.on("error", (error) => console.warn(`[db] an idle database connection was closed: ${error.message}`));
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
}

const globalForPrisma = globalThis as unknown as { outcomeLedgerDb?: Connection };

/** Lazily created so that importing a module never needs a database (e.g. `next build`). */
function connection(): Connection {
  globalForPrisma.outcomeLedgerDb ??= connect();
  return globalForPrisma.outcomeLedgerDb;
}

export function db(): PrismaClient {
  return connection().prisma;
}

export async function disconnectDb(): Promise<void> {
  const current = globalForPrisma.outcomeLedgerDb;
  globalForPrisma.outcomeLedgerDb = undefined;
  if (!current) return;
  await current.prisma.$disconnect();
  // Ended here, not by the adapter: the pool may have served `sqlTransaction` alone.
  if (!current.pool.ending) await current.pool.end();
}

type TransactionOptions = Parameters<PrismaClient["$transaction"]>[1];

/**
 * Every Prisma transaction of the app: `work` in one transaction, run again from the start
 * when PostgreSQL aborted it for a deadlock or a serialization failure (`retryOnContention`).
 * So `work` must do nothing outside the database that it cannot do twice (webhooks, mails and
 * files go through the outbox in the same transaction). A Biome plugin refuses
 * `$transaction(` anywhere else in src/.
 */
export function transaction<T>(work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return retryOnContention(() => db().$transaction(work, options));
}

/**
 * Runs `work` in a transaction on a pooled pg connection, without Prisma, retried as
 * `transaction` is. For the ingestion write path, where every statement is raw SQL with a
 * batch's rows as one large JSON parameter: Prisma serializes raw parameters to JSON text and
 * parses them back before handing them to pg; with its transaction and result handling, a
 * third of the server's CPU per ingested event (ARCHITECTURE.md). The sign-in throttle runs its
 * short transactions on a pool of its own (`pool`).
 */
export function sqlTransaction<T>(
  work: (tx: SqlTx) => Promise<T>,
  options: { timeoutMs?: number; pool?: pg.Pool } = {},
): Promise<T> {
  return retryOnContention(() => sqlTransactionOnce(work, options));
}

async function sqlTransactionOnce<T>(
  work: (tx: SqlTx) => Promise<T>,
  { timeoutMs = 60_000, pool = connection().pool }: { timeoutMs?: number; pool?: pg.Pool },
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(`BEGIN; SET LOCAL statement_timeout = ${Math.trunc(timeoutMs)}`);
    try {
      const result = await work(sqlTxOn(client));
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    }
  } finally {
    // A connection that could not roll back is closed rather than reused.
    client.release(broken);
  }
}

/** Tries of a transaction that PostgreSQL aborts for contention, the first included. */
export const CONTENTION_TRIES = 5;
const CONTENTION_SQLSTATES = new Set(["40001", "40P01"]);

/**
 * `run` again, up to CONTENTION_TRIES in all, while it fails with a serialization failure
 * (40001) or a deadlock (40P01): PostgreSQL aborted one transaction so that another could
 * go on, and the same work done again a moment later normally succeeds. Waits 10, 20, 40, 80
 * ms plus as much again at random, so the transactions that collided do not meet again in
 * step. The last failure is thrown as it is; `toAppError` answers it with RETRY_LATER.
 */
export async function retryOnContention<T>(run: () => Promise<T>): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await run();
    } catch (error) {
      const failure = databaseFailureOf(error);
      if (!failure || !CONTENTION_SQLSTATES.has(failure.sqlState)) throw error;
      if (tried >= CONTENTION_TRIES) {
        console.warn(
          `[db] a transaction failed ${tried} times on contention (SQLSTATE ${failure.sqlState}); giving up.`,
        );
        throw error;
      }
      const step = 10 * 2 ** (tried - 1);
      await new Promise((resolve) => setTimeout(resolve, step + Math.random() * step));
    }
  }
}

/** What PostgreSQL refused, as pg reports it (`sqlTransaction`, `sqlOnPool`) or Prisma wraps it. */
export interface DatabaseFailure {
  /** The SQLSTATE, e.g. 23505 for a unique violation. */
  sqlState: string;
  table?: string;
  constraint?: string;
  /** The columns of a unique violation, when the report names them. */
  columns?: string[];
}

interface DriverAdapterCause {
  originalCode?: string;
  table?: string;
  constraint?: { index?: string; fields?: string[] };
}

export function databaseFailureOf(error: unknown): DatabaseFailure | null {
  if (error instanceof pg.DatabaseError && error.code) {
    return {
      sqlState: error.code,
      table: error.table,
      constraint: error.constraint,
      // "Key (email)=(…) already exists." or 'Key ("customerId", "periodStart")=(…)': the names
      // only. PostgreSQL leaves the detail out on a table under row-level security (it could
      // show another customer's values); then the index's default name still says them.
      columns:
        /^Key \((.+?)\)=/
          .exec(error.detail ?? "")?.[1]
          ?.split(", ")
          .map((c) => c.replace(/^"(.*)"$/, "$1")) ?? columnsOfDefaultName(error.table, error.constraint),
    };
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    const cause = (error.meta?.driverAdapterError as { cause?: DriverAdapterCause } | undefined)?.cause;
    const sqlState =
      cause?.originalCode ?? (error.code === "P2002" ? "23505" : error.code === "P2034" ? "40001" : undefined);
    if (!sqlState) return null;
    return {
      sqlState,
      table: cause?.table,
      constraint: cause?.constraint?.index,
      columns: cause?.constraint?.fields ?? columnsOfDefaultName(cause?.table, cause?.constraint?.index),
    };
  }
  return null;
}

/**
 * Whether a request failed because no pooled connection came free in time (pg-pool's own
 * error, possibly wrapped by Prisma): the instance is saturated, not broken.
 */
export function isPoolSaturated(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.message.includes("timeout exceeded when trying to connect")) return true;
  }
  return false;
}

/** Prisma names a unique index `<table>_<column>_<column>_key` unless the schema maps another name. */
function columnsOfDefaultName(table: string | undefined, index: string | undefined): string[] | undefined {
  if (!table || !index?.startsWith(`${table}_`) || !index.endsWith("_key")) return undefined;
  return index.slice(table.length + 1, -"_key".length).split("_");
}

/**
 * Raw statements on the shared pool without Prisma, each on any free connection: for the
 * ingestion path's reads before its transaction.
 */
export function sqlOnPool(): SqlTx {
  return sqlTxOn(connection().pool);
}

type SqlObserver = (
  statement: { text: string; values: unknown[] },
  run: () => Promise<pg.QueryResult>,
) => Promise<pg.QueryResult>;
let sqlObserver: SqlObserver | null = null;

/** Sees every statement of `sqlTransaction` and `sqlOnPool`, as a Prisma query extension sees Prisma's (scripts/bench/profile-batch.ts). */
export function observeSqlTransactions(observer: SqlObserver | null): void {
  sqlObserver = observer;
}

function sqlTxOn(client: pg.PoolClient | pg.Pool): SqlTx {
  const run = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
    const statement = { text: sql.text, values: sql.values.map(toParameter) };
    const send = () => client.query({ ...statement, types: PRISMA_LIKE_TYPES });
    return sqlObserver ? sqlObserver(statement, send) : send();
  };
  return {
    $queryRaw: async <T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      (await run(query, values)).rows as T,
    $executeRaw: async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) =>
      (await run(query, values)).rowCount ?? 0,
  };
}

/** Parameters as Prisma sends them: instants in UTC, exact decimals and big integers as text. */
function toParameter(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (Prisma.Decimal.isDecimal(value)) return value.toString();
  return value;
}

// Rows decoded as Prisma's raw queries decode them, so a write path reads the same values
// whichever transaction it runs in.
const TYPE_OID = { int8: 20, date: 1082, timestamp: 1114, numeric: 1700 } as const;
const PRISMA_LIKE_TYPES = {
  getTypeParser(oid: number, format?: string) {
    if (format === undefined || format === "text") {
      if (oid === TYPE_OID.int8) return (text: string) => BigInt(text);
      if (oid === TYPE_OID.numeric) return (text: string) => new Prisma.Decimal(text);
      if (oid === TYPE_OID.timestamp) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
      if (oid === TYPE_OID.date) return (text: string) => new Date(`${text}T00:00:00Z`);
    }
    return pg.types.getTypeParser(oid, format as "text");
  },
} as pg.CustomTypesConfig;
