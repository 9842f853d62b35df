// The job queue's own schema ("graphile_worker"), created and upgraded by graphile-worker's
// migrator, run here as the owner right after our Prisma migrations (prepare-database.ts), so
// `npm start`, the integration suite's throwaway database and `npm run db:migrate` all get it
// the same way and the app's role never needs CREATE. The library's migrations are versioned in
// its own table (graphile_worker.migrations); copying them into ours would have to be redone
// by hand on every upgrade. The app role then gets what the worker needs and no more: it
// reads, takes, completes and deletes jobs, but cannot migrate or alter the queue's tables.
import { runMigrations } from "graphile-worker";
import pg from "pg";
import { quietQueueLogger } from "@/server/jobs/queue-logger";

export const JOB_QUEUE_SCHEMA = "graphile_worker";

const escapeIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** As the owner: brings the queue's schema up to date, then grants the app role its share. */
export async function migrateJobQueue(ownerUrl: string, appRole: string | null): Promise<void> {
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 2 });
  try {
    await runMigrations({ pgPool: pool, schema: JOB_QUEUE_SCHEMA, logger: quietQueueLogger });
    if (!appRole) return;
    const app = escapeIdentifier(appRole);
    const schema = escapeIdentifier(JOB_QUEUE_SCHEMA);
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(`GRANT USAGE ON SCHEMA ${schema} TO ${app}`);
      // The queue's rows: jobs are added, locked, completed (deleted) and failed (updated).
      await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${app}`);
      // Its migrations are the owner's: the worker only reads which revision is installed.
      await client.query(`REVOKE INSERT, UPDATE, DELETE ON ${schema}.migrations FROM ${app}`);
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${schema} TO ${app}`);
      await client.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${app}`);
      // graphile-worker turns row-level security on for its tables (with no policy) so that
      // only their owner reads them by default. The app role is the queue's worker: it gets the
      // whole queue (which holds no customer's data), through a policy of its own.
      const { rows } = await client.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind = 'r' AND c.relrowsecurity`,
        [JOB_QUEUE_SCHEMA],
      );
      for (const { name } of rows) {
        const table = `${schema}.${escapeIdentifier(name)}`;
        await client.query(`DROP POLICY IF EXISTS app_works_the_queue ON ${table}`);
        await client.query(
          `CREATE POLICY app_works_the_queue ON ${table} FOR ALL TO ${app} USING (true) WITH CHECK (true)`,
        );
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    } finally {
      client.release();
    }
  } finally {
    await pool.end();
  }
}
