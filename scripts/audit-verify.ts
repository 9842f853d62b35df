// `npm run audit:verify`: walks the audit hash chain and exits 1 at the first broken entry.
import { disconnectDb } from "../src/server/db";
import { openDatabase } from "../src/server/runtime/database-runtime";
import { verifyAuditChain } from "../src/server/services/audit/verify-audit-chain";

const database = await openDatabase();
process.env.DATABASE_URL = database.url;
let code = 0;
try {
  const { checked, firstBreak } = await verifyAuditChain();
  if (firstBreak) {
    console.error(
      `Audit chain BROKEN at entry ${firstBreak.seq}: ${firstBreak.reason}. ${checked} entries before it are intact.`,
    );
    code = 1;
  } else {
    console.log(`Audit chain verified: ${checked} entries, every link intact.`);
  }
} catch (error) {
  console.error(`Could not verify the audit chain: ${error instanceof Error ? error.message : String(error)}`);
  code = 2;
} finally {
  await disconnectDb();
  await database.stop();
}
process.exit(code);
