// `npm run --silent apikey -- create --name NAME`: prints the new key, and only the key, on
// stdout (so `KEY=$(npm run --silent apikey -- create --name X)` works); messages go to stderr.
// `list` prints the keys (never secrets); `revoke --prefix olk_…` revokes one.
// Reaches the same database as the app, whether or not the app is running.
import { parseArgs } from "node:util";
import type { Actor } from "../src/domain/actor";
import { disconnectDb } from "../src/server/db";
import { toAppError } from "../src/server/errors";
import { openDatabase } from "../src/server/runtime/database-runtime";
import { createApiKey } from "../src/server/services/api-keys/create-api-key";
import { listApiKeys } from "../src/server/services/api-keys/list-api-keys";
import { revokeApiKey } from "../src/server/services/api-keys/revoke-api-key";

const USAGE = `Usage:
  npm run --silent apikey -- create --name NAME    prints the new key (shown this once)
  npm run --silent apikey -- list                   lists keys: prefix, status, last use, name
  npm run --silent apikey -- revoke --prefix PREFIX revokes the key with that prefix (olk_xxxxxxxx)`;

const actor: Actor = { kind: "system", job: "cli" };

type Command = () => Promise<void>;

function parseCommand(argv: string[]): Command {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: "string" }, prefix: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  const [command, ...extra] = positionals;
  if (values.help) return async () => console.error(USAGE);
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}".`);
  switch (command) {
    case "create":
      if (values.name === undefined) throw new UsageError("create needs --name NAME.");
      return () => create(values.name!);
    case "list":
      return list;
    case "revoke":
      if (values.prefix === undefined) throw new UsageError("revoke needs --prefix PREFIX.");
      return () => revoke(values.prefix!);
    case undefined:
      throw new UsageError("Name a command: create, list or revoke.");
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

async function create(name: string) {
  const { apiKey, key } = await createApiKey({ actor, input: { name } });
  console.error(`Created API key "${apiKey.name}" (${apiKey.prefix}). It is shown this once: store it now.`);
  console.log(key);
}

async function list() {
  const keys = await listApiKeys();
  if (keys.length === 0) return console.error("No API keys yet.");
  for (const key of keys) {
    const status = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "active";
    const lastUsed = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : "never used";
    console.log([key.prefix, status, lastUsed, key.name].join("\t"));
  }
}

async function revoke(prefix: string) {
  const { apiKey, alreadyRevoked } = await revokeApiKey({ actor, input: { prefix } });
  console.error(
    alreadyRevoked
      ? `API key ${apiKey.prefix} ("${apiKey.name}") was already revoked on ${apiKey.revokedAt?.toISOString()}.`
      : `Revoked API key ${apiKey.prefix} ("${apiKey.name}"). Requests with it are refused from now on.`,
  );
}

class UsageError extends Error {}

/** Exit codes: 0 done, 1 refused (bad arguments or input, unknown key), 2 could not run. */
async function main(): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 1;
  }
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await command();
    return 0;
  } catch (error) {
    if (isMissingTable(error)) {
      console.error("The database has no API key table yet: run `npm run db:migrate` (or `npm start`) first.");
      return 2;
    }
    const refusal = toAppError(error);
    if (refusal.code === "INTERNAL") {
      console.error(`Could not complete the command: ${error instanceof Error ? error.message : String(error)}`);
      return 2;
    }
    console.error(refusal.fields.length > 0 ? refusal.fields.map((f) => f.message).join("\n") : refusal.message);
    return 1;
  } finally {
    await disconnectDb();
    await database.stop();
  }
}

function isMissingTable(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2021";
}

process.exit(await main());
