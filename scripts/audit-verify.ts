// `npm run audit:verify`: walks the audit hash chain, then the keyed checkpoints that anchor it
// (and the newest one kept in DATA_DIR), and exits 1 naming what is wrong: the first broken
// entry, entries removed from the tail, entries rewritten with recomputed hashes, checkpoints
// removed or forged.
import { disconnectDb } from "../src/server/db";
import { openDatabase } from "../src/server/runtime/database-runtime";
import { verifyAuditChain } from "../src/server/services/audit/verify-audit-chain";

const SHOWN_PROBLEMS = 20;
const database = await openDatabase();
process.env.DATABASE_URL = database.url;
let code = 0;
try {
  const result = await verifyAuditChain();
  if (result.firstBreak) {
    console.error(
      `Audit chain BROKEN at entry ${result.firstBreak.seq}: ${result.firstBreak.reason}. ${result.checked} entries before it are intact.`,
    );
  }
  for (const problem of result.problems.slice(0, SHOWN_PROBLEMS)) console.error(`Audit log: ${problem}`);
  if (result.problems.length > SHOWN_PROBLEMS) {
    console.error(`…and ${result.problems.length - SHOWN_PROBLEMS} more problems.`);
  }
  for (const note of result.notes) console.log(`Note: ${note}`);
  if (result.ok) {
    const last = result.lastCheckpoint;
    console.log(
      `Audit chain verified: ${result.checked} entries, every link intact; ${result.checkpoints} checkpoints` +
        (last
          ? `, the newest (#${last.number}, ${last.createdAt.toISOString()}) vouching for entries 1–${last.auditSeq}.`
          : "."),
    );
  } else {
    code = 1;
  }
} catch (error) {
  console.error(`Could not verify the audit chain: ${error instanceof Error ? error.message : String(error)}`);
  code = 2;
} finally {
  await disconnectDb();
  await database.stop();
}
process.exit(code);
