// Password hashing with Argon2id (the library's defaults follow OWASP's recommendation).
import { hash, verify } from "@node-rs/argon2";

export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

let unknownUserHash: Promise<string> | undefined;
/** Verified against when the e-mail is unknown, so both cases take the same time. Never matches. */
export async function spendVerificationTime(password: string): Promise<false> {
  unknownUserHash ??= hash("outcome-ledger-no-such-user");
  await verifyPassword(await unknownUserHash, password);
  return false;
}
