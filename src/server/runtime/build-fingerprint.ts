// Decides whether `npm start` must run `next build`: the build is redone when any source
// or configuration file differs from the ones the last build was made from.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const INPUTS = [
  "src",
  "public",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
  "prisma/schema.prisma",
];
const STAMP = ".next/outcome-ledger-build.sha256";

function* filesUnder(entry: string): Generator<string> {
  if (!existsSync(entry)) return;
  if (!statSync(entry).isDirectory()) {
    yield entry;
    return;
  }
  for (const name of readdirSync(entry).sort()) {
    // The generated Prisma client follows from the schema, which is hashed itself.
    if (name === "generated" || name.startsWith(".")) continue;
    yield* filesUnder(path.join(entry, name));
  }
}

export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of filesUnder(path.join(root, input))) {
      hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

export function buildIsCurrent(root: string, fingerprint: string): boolean {
  const stamp = path.join(root, STAMP);
  return (
    existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint
  );
}

export function recordBuild(root: string, fingerprint: string): void {
  writeFileSync(path.join(root, STAMP), fingerprint);
}
