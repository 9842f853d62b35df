// Checks an e-mail and password, behind the brute-force throttle (policy in
// src/domain/access/sign-in-throttle.ts, counts in PostgreSQL): the attempt is counted
// before the password is checked, and refused unchecked when any of its keys is locked.
import { z } from "zod";
import { describeRefusal, signInKeys } from "@/domain/access/sign-in-throttle";
import type { Role } from "@/domain/roles";
import { spendVerificationTime, verifyPassword } from "@/server/auth/passwords";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";
import { admitAttempt, isKnownAddress, recordSuccess } from "./internal/throttle-store";

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
  /** Goes into the session token; the token is refused once the user's version moves on. */
  sessionVersion: number;
}

const WRONG_CREDENTIALS = "That e-mail and password do not match an active account.";

export async function verifySignIn(
  rawInput: z.input<typeof SignInInput>,
  {
    clientAddress = null,
    now = clock.now(),
  }: {
    /** The client's address as a throttle key (`clientAddressOf`); null when not known. */
    clientAddress?: string | null;
    now?: Date;
  } = {},
): Promise<SignedInUser> {
  const parsed = SignInInput.safeParse(rawInput);
  if (!parsed.success) throw new AppError("VALIDATION_FAILED", parsed.error.issues[0]?.message ?? WRONG_CREDENTIALS);
  const { email, password } = parsed.data;

  const keys = signInKeys(email, clientAddress);
  const known = clientAddress !== null && (await isKnownAddress({ email, address: clientAddress, now }));
  const admission = await admitAttempt({ keys, now, exempt: known ? ["account"] : [] });
  if (!admission.admitted) throw new AppError("RATE_LIMITED", describeRefusal(admission.refusal));

  // Exactly one Argon2 verification whether the address is unknown, the account disabled or
  // the password wrong, so the time taken tells nothing.
  const user = await db().user.findUnique({ where: { email } });
  const passwordMatches = user
    ? await verifyPassword(user.passwordHash, password)
    : await spendVerificationTime(password);
  if (!user || user.disabledAt || !passwordMatches) {
    if (admission.lockSet) throw new AppError("RATE_LIMITED", describeRefusal(admission.lockSet));
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }

  await recordSuccess({
    keys,
    now,
    knownAddress: clientAddress === null ? undefined : { email, address: clientAddress },
  });
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    customerId: user.customerId,
    sessionVersion: user.sessionVersion,
  };
}
