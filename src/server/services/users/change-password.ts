// A signed-in user changes their own password by giving the current one. The current
// password is checked behind the throttle (a stolen session must not become a way to guess
// it), and the change ends every session of the user, this one included: they sign in again
// with the new password.
import { z } from "zod";
import { describeRefusal, passwordChangeKeys } from "@/domain/access/sign-in-throttle";
import type { Actor } from "@/domain/actor";
import { hashPassword, verifyPassword } from "@/server/auth/passwords";
import { clock } from "@/server/clock";
import { db, transaction } from "@/server/db";
import { AppError } from "@/server/errors";
import { text } from "@/server/input-rules";
import { appendAuditEntry } from "@/server/services/audit/append-audit-entry";
import { admitAttempt, recordSuccess } from "@/server/services/auth/internal/throttle-store";
import { NewPassword } from "./internal/user-fields";

export const ChangePasswordInput = z
  .object({
    currentPassword: text().min(1, "Enter your current password.").max(200),
    newPassword: NewPassword,
  })
  .refine((p) => p.newPassword !== p.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password other than the current one.",
  });

export async function changePassword({
  actor,
  input,
}: {
  actor: Extract<Actor, { kind: "user" }>;
  input: z.input<typeof ChangePasswordInput>;
}): Promise<void> {
  const fields = ChangePasswordInput.parse(input);
  const now = clock.now();
  const keys = passwordChangeKeys(actor.userId);
  const admission = await admitAttempt({ keys, now });
  if (!admission.admitted) throw new AppError("RATE_LIMITED", describeRefusal(admission.refusal));

  const user = await db().user.findUnique({ where: { id: actor.userId } });
  if (!user || user.disabledAt) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
  if (!(await verifyPassword(user.passwordHash, fields.currentPassword))) {
    if (admission.lockSet) throw new AppError("RATE_LIMITED", describeRefusal(admission.lockSet));
    throw new AppError("VALIDATION_FAILED", "That is not your current password.", [
      { path: "currentPassword", message: "That is not your current password." },
    ]);
  }

  const passwordHash = await hashPassword(fields.newPassword);
  await transaction(async (tx) => {
    // Only over the password just checked: a change made meanwhile (another tab) wins.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordHash: user.passwordHash },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT", "Your password was changed meanwhile. Sign in again.");
    await appendAuditEntry(tx, {
      actor,
      action: "user.password_changed",
      subjectType: "user",
      subjectId: user.id,
      customerId: user.customerId,
    });
  });
  await recordSuccess({ keys, now });
}
