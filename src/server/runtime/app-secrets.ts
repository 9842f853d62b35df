// Secrets that never live in the database or the code: the session-signing secret and the key
// that signs audit checkpoints. Each comes from its environment variable when set, else it is
// generated on first start and kept in DATA_DIR, so sessions and checkpoints survive restarts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Where the embedded database, its credentials, the generated secrets and the audit anchor live. */
export function dataDirectory(): string {
  // A folder chosen at run time, not part of the build: the bundler must not trace it.
  return path.resolve(/* turbopackIgnore: true */ process.env.DATA_DIR ?? ".data");
}

function secretFile(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

export function sessionSecret(dataDir: string): string {
  return process.env.NEXTAUTH_SECRET || secretFile(dataDir, "nextauth-secret");
}

/**
 * The HMAC key of audit checkpoints (AUDIT_CHECKPOINT_KEY, at least 32 characters, or
 * DATA_DIR/audit-checkpoint-key). Whoever holds it can forge checkpoints: keep it off the
 * database server, and give every instance of the app the same one.
 */
export function auditCheckpointKey(dataDir: string): Buffer {
  const configured = process.env.AUDIT_CHECKPOINT_KEY;
  if (configured !== undefined && configured !== "") {
    if (configured.length < 32) throw new Error("AUDIT_CHECKPOINT_KEY must be at least 32 characters long.");
    return Buffer.from(configured, "utf8");
  }
  return Buffer.from(secretFile(dataDir, "audit-checkpoint-key"), "utf8");
}

const ANCHOR_FILE = "audit-anchor.json";

/** The newest checkpoint this machine wrote, kept outside the database. */
export interface AuditAnchor {
  number: string;
  mac: string;
  auditSeq: string;
  createdAt: string;
}

export function readAuditAnchor(dataDir: string): AuditAnchor | null {
  const file = path.join(dataDir, ANCHOR_FILE);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")) as AuditAnchor;
}

/** Replaces the anchor atomically (write, then rename), never with an older checkpoint. */
export function writeAuditAnchor(dataDir: string, anchor: AuditAnchor): void {
  const current = readAuditAnchor(dataDir);
  if (current && BigInt(current.number) >= BigInt(anchor.number)) return;
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const file = path.join(dataDir, ANCHOR_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(anchor, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}
