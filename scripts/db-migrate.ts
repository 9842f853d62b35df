// Applies the committed migrations in prisma/migrations to the app's database: the one named
// by DATABASE_URL, or else the embedded PostgreSQL in DATA_DIR (started for the occasion and
// stopped again if no other process runs it). Usage: npm run db:migrate
import { openDatabase } from "../src/server/runtime/database-runtime.ts";
import { migrateDatabase } from "../src/server/runtime/prepare-database.ts";

async function main(): Promise<void> {
  const database = await openDatabase({ log: console.log });
  try {
    console.log(`Database: ${database.source}`);
    const applied = await migrateDatabase(database, console.log);
    for (const name of applied) console.log(`Applied ${name}`);
    console.log(applied.length === 0 ? "Already up to date." : `${applied.length} migration(s) applied.`);
  } finally {
    await database.stop();
  }
}

// Exit explicitly: a database pool or the embedded server's handles could keep Node alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Migration failed: ${error instanceof Error ? error.message.trim() : String(error)}`);
    process.exit(1);
  },
);
