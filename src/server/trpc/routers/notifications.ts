import { listNotifications } from "@/server/services/notifications/list-notifications";
import { markNotificationsRead } from "@/server/services/notifications/mark-notifications-read";
import { authedProcedure, router } from "../init";

export const notificationsRouter = router({
  /** The latest notifications of the signed-in user and how many are unread. */
  list: authedProcedure.query(({ ctx }) => listNotifications({ actor: ctx.actor })),
  markRead: authedProcedure.mutation(({ ctx }) => markNotificationsRead({ actor: ctx.actor })),
});
