// Turns the next-auth session into an Actor, re-reading the user so that a disabled account,
// a changed role or a session ended elsewhere (its version moved on) takes effect on the next
// request rather than when the token expires.
import { getServerSession, type Session } from "next-auth";
import type { Actor } from "@/domain/actor";
import type { Role } from "@/domain/roles";
import { db } from "@/server/db";
import { authOptions } from "./options";

export type UserActor = Extract<Actor, { kind: "user" }>;

/** The actor of an active user, whatever session (the seed's demo actions, scripts). */
export async function actorForUserId(userId: string): Promise<UserActor | null> {
  const user = await db().user.findUnique({ where: { id: userId } });
  return user && !user.disabledAt ? toActor(user) : null;
}

/**
 * The actor a session stands for (as next-auth's session callback builds it from the decoded
 * token), or null when its user is gone or disabled, or its session version is not the
 * user's current one: signed out, password or role changed, or deactivated since (or a
 * token from before session versions).
 */
export async function actorForSession(session: Session | null): Promise<UserActor | null> {
  const userId = session?.user?.id;
  const sessionVersion = session?.user?.sessionVersion;
  if (!userId || typeof sessionVersion !== "number") return null;
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user || user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return toActor(user);
}

function toActor(user: { id: string; role: Role; customerId: string | null; name: string; email: string }): UserActor {
  return {
    kind: "user",
    userId: user.id,
    role: user.role,
    customerId: user.customerId,
    label: `${user.name} <${user.email}>`,
  };
}

export async function currentActor(): Promise<UserActor | null> {
  return actorForSession(await getServerSession(authOptions));
}
