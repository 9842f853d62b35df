// Creates prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes the
// committed migrations to prisma/schema.prisma. Needs no database: the migrations are
// replayed into a throwaway in-memory PostgreSQL (PGlite). Review the file, add any
// hand-written SQL after the generated part, then apply it with `npm run db:migrate`.
import path from "node:path";
import { createMigration } from "../src/server/runtime/migrations.ts";

const USAGE = `Usage: npm run db:migration -- <name>
  <name> is snake_case: a lowercase letter, then lowercase letters, digits or underscores (at most 100), e.g. add_invoices`;

function migrationName(args: string[]): string | null {
  const [name] = args;
  return args.length === 1 && name !== undefined && /^[a-z][a-z0-9_]{0,99}$/.test(name) ? name : null;
}

async function main(): Promise<void> {
  const name = migrationName(process.argv.slice(2));
  if (name === null) {
    console.error(USAGE);
    process.exit(1);
  }
  const folder = await createMigration(name, console.log);
  if (folder) console.log(`Created ${path.relative(process.cwd(), path.join(folder, "migration.sql"))}`);
}

// Exit explicitly: the in-memory database's handles could keep Node alive.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`Creating the migration failed: ${error instanceof Error ? error.message.trim() : String(error)}`);
    process.exit(1);
  },
);
