// Signing out ends the user's sessions: their session version moves on, so every token
// issued before (this one, and copies of it anywhere) is refused by `currentActor`. The
// version is per user, so signing out on one device signs the user out on all of them.
import { db } from "@/server/db";

export async function signOut({ userId, sessionVersion }: { userId: string; sessionVersion: number }): Promise<void> {
  // Only a token of the current version moves it on: a stale copy (already refused) must not
  // be able to sign its owner out again and again.
  await db().user.updateMany({
    where: { id: userId, sessionVersion },
    data: { sessionVersion: { increment: 1 } },
  });
}
