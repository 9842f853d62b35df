// The database roles Outcome Ledger runs as. The app never connects as a superuser nor as the
// owner of its tables: an **owner** role owns the schema and runs migrations, and an **app**
// role holds only the privileges each table needs (APP_PRIVILEGES: on the audit log SELECT and
// INSERT, nowhere TRUNCATE), so neither a bug nor an injected statement can rewrite history,
// disable a trigger or reach the operating system. Row-level security (a migration) is the
// second wall between customers; the owner bypasses it to migrate.
import pg from "pg";

export interface RoleNames {
  owner: string;
  app: string;
}

export const DEFAULT_ROLE_NAMES: RoleNames = { owner: "outcome_ledger_owner", app: "outcome_ledger_app" };

type Privilege = "SELECT" | "INSERT" | "UPDATE" | "DELETE";
const READ_WRITE: Privilege[] = ["SELECT", "INSERT", "UPDATE"];
const APPEND_ONLY: Privilege[] = ["SELECT", "INSERT"];
const FULL: Privilege[] = ["SELECT", "INSERT", "UPDATE", "DELETE"];

/**
 * What the app role may do to each table, and nothing more. Append-only records (audit log,
 * its checkpoints, finalized documents and their lines, contract versions, dispute messages)
 * get no UPDATE or DELETE; only tables the app legitimately prunes get DELETE. A table missing
 * here gets no privilege at all (and a test fails), so a new table is a decision.
 */
export const APP_PRIVILEGES: Record<string, readonly Privilege[]> = {
  provider_settings: READ_WRITE,
  customer: READ_WRITE,
  app_user: READ_WRITE,
  sign_in_throttle: FULL, // stale counts are forgotten
  sign_in_known_address: FULL, // addresses unused for 90 days are forgotten
  audit_entry: APPEND_ONLY,
  audit_checkpoint: APPEND_ONLY,
  audit_chain_head: ["SELECT", "UPDATE"], // moves with every entry; checkpoints vouch for it
  api_key: READ_WRITE,
  api_rate_limit: FULL, // rate-limiter-flexible deletes expired counters
  outcome_definition: READ_WRITE,
  definition_version: READ_WRITE, // a trigger keeps published versions immutable
  attempt: READ_WRITE,
  ingest_event: READ_WRITE, // corrections mark an event superseded
  contract: APPEND_ONLY, // a change is a new version
  usage_rollup: FULL, // rebuilt from the attempts
  usage_daily: FULL, // rebuilt from the attempts
  invoice: READ_WRITE, // a trigger keeps finalized invoices immutable
  invoice_line: APPEND_ONLY,
  document_sequence: READ_WRITE,
  credit_note: APPEND_ONLY,
  credit_note_line: APPEND_ONLY,
  invoice_payment: APPEND_ONLY, // a payment recorded is a fact; corrections are credit notes
  invoice_void: APPEND_ONLY,
  wallet_grant: READ_WRITE, // a trigger lets only its remaining move, and only down
  wallet_entry: APPEND_ONLY, // the wallet's ledger
  billed_usage: READ_WRITE,
  outcome_value: READ_WRITE,
  spend_alert: FULL, // a finance user deletes an alert
  spend_alert_firing: APPEND_ONLY,
  notification: READ_WRITE,
  webhook_endpoint: READ_WRITE,
  webhook_delivery: READ_WRITE,
  dispute: READ_WRITE,
  disputed_outcome: READ_WRITE,
  dispute_decision: READ_WRITE,
  dispute_message: APPEND_ONLY,
  job_run: FULL, // runs older than the Jobs page's history are forgotten
  dispute_note: APPEND_ONLY, // internal notes, like the thread, are kept as written
  dispute_presence: FULL, // heartbeats older than the presence window are forgotten
  saved_queue_view: FULL, // a reviewer deletes a view
  canned_rationale: FULL, // an admin deletes a rationale
  _prisma_migrations: [], // the owner's
};

const escapeIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;
const escapeLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The role a connection URL signs in as. */
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * As a superuser, connected to the app's database: creates the owner and app roles (or sets
 * their passwords and attributes again), gives the database and everything in its public
 * schema to the owner, and lets the app role connect and use the schema. Idempotent, so it
 * also upgrades in place a data folder made when everything belonged to `postgres`.
 */
export async function provisionRoles(
  superuserUrl: string,
  roles: { owner: { name: string; password: string }; app: { name: string; password: string } },
): Promise<void> {
  await withClient(superuserUrl, async (client) => {
    const database = (await client.query<{ name: string }>("SELECT current_database() AS name")).rows[0]!.name;
    const owner = escapeIdentifier(roles.owner.name);
    const app = escapeIdentifier(roles.app.name);
    for (const [role, attributes] of [
      [roles.owner, "BYPASSRLS"],
      [roles.app, "NOBYPASSRLS"],
    ] as const) {
      const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name]);
      const verb = exists.rowCount ? "ALTER ROLE" : "CREATE ROLE";
      await client.query(
        `${verb} ${escapeIdentifier(role.name)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION ${attributes} PASSWORD ${escapeLiteral(role.password)}`,
      );
    }
    await client.query(`ALTER DATABASE ${escapeIdentifier(database)} OWNER TO ${owner}`);
    await client.query(`REVOKE ALL ON DATABASE ${escapeIdentifier(database)} FROM PUBLIC`);
    await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${escapeIdentifier(database)} TO ${app}`);
    await client.query(`ALTER SCHEMA public OWNER TO ${owner}`);
    await client.query("REVOKE ALL ON SCHEMA public FROM PUBLIC");
    await client.query(`GRANT USAGE ON SCHEMA public TO ${app}`);
    await handObjectsTo(client, roles.owner.name);
  });
}

/** Everything in the public schema that another role owns (tables, sequences, views, types, functions). */
async function handObjectsTo(client: pg.Client, owner: string): Promise<void> {
  const { rows } = await client.query<{ statement: string }>(
    `SELECT format('ALTER %s %s OWNER TO %I',
              CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
              c.oid::regclass, $1::text) AS statement
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
        AND pg_get_userbyid(c.relowner) <> $1
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
     UNION ALL
     SELECT format('ALTER TYPE %s OWNER TO %I', t.oid::regtype, $1::text)
       FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'c') AND pg_get_userbyid(t.typowner) <> $1
        AND NOT (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c'))
     UNION ALL
     SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, $1::text)
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> $1
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
    [owner],
  );
  for (const { statement } of rows) await client.query(statement);
}

/**
 * As the owner, after the migrations: the app role gets exactly APP_PRIVILEGES on every table
 * (revoked first, so a privilege removed here is removed there), and the sequences it needs.
 * Returns the tables that have no entry, which get nothing.
 */
export async function grantAppPrivileges(ownerUrl: string, appRole: string): Promise<string[]> {
  return withClient(ownerUrl, async (client) => {
    const app = escapeIdentifier(appRole);
    const { rows } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const unknown: string[] = [];
    await client.query("BEGIN");
    try {
      for (const { name } of rows) {
        const privileges = APP_PRIVILEGES[name];
        if (!privileges) unknown.push(name);
        await client.query(`REVOKE ALL ON TABLE ${escapeIdentifier(name)} FROM ${app}`);
        if (privileges?.length) {
          await client.query(`GRANT ${privileges.join(", ")} ON TABLE ${escapeIdentifier(name)} TO ${app}`);
        }
      }
      await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
    return unknown;
  });
}

export interface RoleReport {
  role: string;
  superuser: boolean;
  bypassesRowSecurity: boolean;
  ownedTables: number;
}

/** What the app's own connection may do beyond its grants: a superuser, BYPASSRLS or table ownership defeats the walls. */
export async function describeAppRole(appUrl: string): Promise<RoleReport> {
  return withClient(appUrl, async (client) => {
    const { rows } = await client.query<RoleReport>(
      `SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS "bypassesRowSecurity",
              (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = r.rolname) AS "ownedTables"
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    return rows[0]!;
  });
}

/** Plain words for a start-up warning, or null when the app's role is least-privileged. */
export function privilegedRoleWarning(report: RoleReport): string | null {
  const reasons = [
    report.superuser && "is a superuser (it bypasses every privilege and row-level security)",
    report.bypassesRowSecurity && "bypasses row-level security",
    report.ownedTables > 0 && `owns ${report.ownedTables} tables (it could drop triggers and policies)`,
  ].filter(Boolean);
  if (reasons.length === 0) return null;
  return `The app connects as "${report.role}", which ${reasons.join(" and ")}. Give the app a least-privileged role in DATABASE_URL and the owner's in MIGRATION_DATABASE_URL (README, "Database roles").`;
}
