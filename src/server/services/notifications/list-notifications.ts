// The notifications a user sees in the header: their own; for finance users also those
// addressed to all the company's finance users (userId null). Provider staff see theirs across
// customers.
import type { Actor } from "@/domain/actor";
import { isProviderRole } from "@/domain/roles";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";

const LATEST = 20;

export function notificationsWhere(actor: Actor & { kind: "user" }): Prisma.NotificationWhereInput {
  if (isProviderRole(actor.role)) return { userId: actor.userId };
  return {
    customerId: actor.customerId!,
    OR: actor.role === "finance" ? [{ userId: actor.userId }, { userId: null }] : [{ userId: actor.userId }],
  };
}

export async function listNotifications({ actor }: { actor: Actor & { kind: "user" } }) {
  const where = notificationsWhere(actor);
  const [items, unread] = await Promise.all([
    db().notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: LATEST,
      select: { id: true, kind: true, title: true, body: true, link: true, createdAt: true, readAt: true },
    }),
    db().notification.count({ where: { ...where, readAt: null } }),
  ]);
  return { items, unread };
}
