// The notifications a customer user sees in the header: their own, and for finance users
// those addressed to all the company's finance users (userId null).
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";

const LATEST = 20;

export function notificationsWhere(actor: Actor & { kind: "user" }, customerId: string) {
  return {
    customerId,
    OR: actor.role === "finance" ? [{ userId: actor.userId }, { userId: null }] : [{ userId: actor.userId }],
  };
}

export async function listNotifications({
  actor,
  customerId,
}: {
  actor: Actor & { kind: "user" };
  customerId: string;
}) {
  const where = notificationsWhere(actor, customerId);
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
