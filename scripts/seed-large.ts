// `npm run seed:large`: gives the customer `megacorp` 1,000,000 attempts over three months
// (see scripts/seed/large-customer.ts). Idempotent: does nothing when megacorp has attempts.
import { disconnectDb } from "../src/server/db";
import { openDatabase } from "../src/server/runtime/database-runtime";
import { loadLargeCustomer } from "./seed/large-customer";

const log = (line: string) => console.log(`[seed:large] ${line}`);
const database = await openDatabase({ log });
process.env.DATABASE_URL = database.url;
let code = 0;
try {
  const start = performance.now();
  await loadLargeCustomer(log, Number(process.env.ATTEMPTS ?? 1_000_000));
  log(`Done in ${((performance.now() - start) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(error);
  code = 1;
} finally {
  await disconnectDb();
  await database.stop();
}
process.exit(code);
