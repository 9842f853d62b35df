// Marks every unread notification the user sees as read (one read marks a shared one for all).
import type { Actor } from "@/domain/actor";
import { clock } from "@/server/clock";
import { db } from "@/server/db";
import { notificationsWhere } from "./list-notifications";

export async function markNotificationsRead({ actor }: { actor: Actor & { kind: "user" } }) {
  const { count } = await db().notification.updateMany({
    where: { ...notificationsWhere(actor), readAt: null },
    data: { readAt: clock.now() },
  });
  return { marked: count };
}
