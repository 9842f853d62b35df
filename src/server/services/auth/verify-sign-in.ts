// Checks an e-mail and password, with brute-force protection kept in PostgreSQL so that it
// holds across app instances and restarts.
import { z } from "zod";
import { afterFailure, describeLock, lockRemainingMs } from "@/domain/access/sign-in-throttle";
import type { Role } from "@/domain/roles";
import { spendVerificationTime, verifyPassword } from "@/server/auth/passwords";
import { clock } from "@/server/clock";
import { db, transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";

export const SignInInput = z.object({
  email: z.email("Enter a valid e-mail address.").transform((e) => e.trim().toLowerCase()),
  password: text().min(1, "Enter your password.").max(200),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  customerId: string | null;
}

const WRONG_CREDENTIALS = "That e-mail and password do not match an active account.";

export async function verifySignIn(rawInput: z.input<typeof SignInInput>, now = clock.now()): Promise<SignedInUser> {
  const parsed = SignInInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", parsed.error.issues[0]?.message ?? WRONG_CREDENTIALS);
  const { email, password } = parsed.data;

  const throttle = await db().signInThrottle.findUnique({ where: { email } });
  const remaining = lockRemainingMs(throttle, now);
  if (remaining > 0) throw new AppError("RATE_LIMITED", describeLock(remaining));

  const user = await db().user.findUnique({ where: { email } });
  const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, password) : false;
  if (!user) await spendVerificationTime(password);

  if (!valid || !user) {
    const next = afterFailure(throttle, now);
    await db().signInThrottle.upsert({ where: { email }, create: { email, ...next }, update: next });
    const lockedNow = lockRemainingMs(next, now);
    throw new AppError(
      lockedNow > 0 ? "RATE_LIMITED" : "UNAUTHENTICATED",
      lockedNow > 0 ? describeLock(lockedNow) : WRONG_CREDENTIALS,
    );
  }

  await transaction(async (tx) => {
    await tx.signInThrottle.deleteMany({ where: { email } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, customerId: user.customerId };
}
