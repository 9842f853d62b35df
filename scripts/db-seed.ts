// `npm run db:seed`: applies pending migrations, then adds the demo provider, customers and
// users where missing. `npm start` runs it before serving.
import { seedDemo } from "../prisma/seed/demo-seed";
import { disconnectDb } from "../src/server/db";
import { openDatabase } from "../src/server/runtime/database-runtime";
import { migrateDatabase } from "../src/server/runtime/prepare-database";

const database = await openDatabase({ log: console.log });
const log = (line: string) => console.log(`[outcome-ledger] ${line}`);
process.env.DATABASE_URL = database.url;
let code = 0;
try {
  const applied = await migrateDatabase(database, log);
  log(applied.length ? `Applied migrations: ${applied.join(", ")}.` : "Database schema is up to date.");
  await seedDemo(log);
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await disconnectDb();
  await database.stop();
}
process.exit(code);
