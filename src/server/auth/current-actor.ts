// Turns the next-auth session into an Actor, re-reading the user so that a disabled account
// or a changed role takes effect on the next request rather than when the token expires.
import { getServerSession } from "next-auth";
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { authOptions } from "./options";

export type UserActor = Extract<Actor, { kind: "user" }>;

export async function actorForUserId(userId: string): Promise<UserActor | null> {
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user || user.disabledAt) return null;
  return {
    kind: "user",
    userId: user.id,
    role: user.role,
    customerId: user.customerId,
    label: `${user.name} <${user.email}>`,
  };
}

export async function currentActor(): Promise<UserActor | null> {
  const session = await getServerSession(authOptions);
  return session?.user?.id ? actorForUserId(session.user.id) : null;
}
