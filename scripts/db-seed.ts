// `npm run db:seed`: adds the demo provider, customers and users where missing.
import { seedDemo } from "../prisma/seed/demo-seed";
import { disconnectDb } from "../src/server/db";
import { openDatabase } from "../src/server/runtime/database-runtime";
import { applyMigrations } from "../src/server/runtime/migrations";

const database = await openDatabase({ log: console.log });
process.env.DATABASE_URL = database.url;
let code = 0;
try {
  await applyMigrations(database.url, console.log);
  await seedDemo(console.log);
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  code = 1;
} finally {
  await disconnectDb();
  await database.stop();
}
process.exit(code);
