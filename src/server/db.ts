// The one Prisma client of the process. The URL always comes from DATABASE_URL: `npm start`
// sets it to the embedded cluster when the user did not, so the app never guesses.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm start`, which provides the embedded database.");
  }
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    // Fail fast when the database is down instead of hanging the request.
    connectionTimeoutMillis: 5_000,
  });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { outcomeLedgerDb?: PrismaClient };

/** Lazily created so that importing a module never needs a database (e.g. `next build`). */
export function db(): PrismaClient {
  globalForPrisma.outcomeLedgerDb ??= createClient();
  return globalForPrisma.outcomeLedgerDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.outcomeLedgerDb?.$disconnect();
  globalForPrisma.outcomeLedgerDb = undefined;
}
