// The last active admin cannot be removed: whoever else could then manage users, keys and
// definitions? Role changes and deactivations lock the user they change together with every
// active admin, in one statement and in id order (so two of them never deadlock), and count
// the admins under that lock: of two admins demoting each other at once, one waits and then
// sees that it would be the last.
import { z } from "zod";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";

const LockedUser = z.object({ id: z.string(), role: z.string(), disabledAt: z.date().nullable() });

/** Locks the user and every active admin; NOT_FOUND when the user does not exist. */
export async function lockUserAndAdmins(tx: Tx, userId: string) {
  const rows = (
    await tx.$queryRaw<unknown[]>`
      SELECT "id"::text AS "id", "role"::text AS "role", "disabledAt" FROM app_user
      WHERE "id" = ${userId}::uuid OR ("role" = 'admin' AND "disabledAt" IS NULL)
      ORDER BY "id" FOR UPDATE`
  ).map((row) => LockedUser.parse(row));
  if (!rows.some((row) => row.id === userId)) throw AppError.notFound("The user");
  const activeAdmins = rows.filter((row) => row.role === "admin" && row.disabledAt === null).map((row) => row.id);
  return { activeAdmins };
}

/** Refuses a change that would leave no active admin. */
export function assertAnotherActiveAdmin(activeAdmins: string[], userId: string, change: string): void {
  if (activeAdmins.includes(userId) && activeAdmins.length === 1) {
    throw new AppError("CONFLICT", `This is the only active admin: make someone else an admin before you ${change}.`);
  }
}
