// Brings a database up to date for the app: the committed migrations, run as the owner, then
// the app role's privileges (database-roles.ts), granted again after every migration so that
// they always match APP_PRIVILEGES, then the job queue's schema (job-queue-schema.ts). Warns
// when the app's own role could defeat the walls.

import { describeAppRole, grantAppPrivileges, privilegedRoleWarning, roleOf } from "./database-roles";
import type { DatabaseHandle } from "./database-runtime";
import { migrateJobQueue } from "./job-queue-schema";
import { applyMigrations } from "./migrations";

export async function migrateDatabase(
  database: Pick<DatabaseHandle, "url" | "migrationUrl">,
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const applied = await applyMigrations(database.migrationUrl, log);
  const appRole = roleOf(database.url);
  const separateRoles = appRole !== roleOf(database.migrationUrl);
  await migrateJobQueue(database.migrationUrl, separateRoles ? appRole : null);
  if (separateRoles) {
    const unknown = await grantAppPrivileges(database.migrationUrl, appRole);
    if (unknown.length > 0) {
      log(`warning: the app role has no privileges on ${unknown.join(", ")} (not in APP_PRIVILEGES).`);
    }
  }
  const warning = privilegedRoleWarning(await describeAppRole(database.url));
  if (warning) log(`warning: ${warning}`);
  return applied;
}
