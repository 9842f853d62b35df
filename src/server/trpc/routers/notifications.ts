import { listNotifications } from "@/server/services/notifications/list-notifications";
import { markNotificationsRead } from "@/server/services/notifications/mark-notifications-read";
import { customerProcedure, router } from "../init";

export const notificationsRouter = router({
  /** The latest notifications of the signed-in customer user and how many are unread. */
  list: customerProcedure.query(({ ctx }) => listNotifications({ actor: ctx.actor, customerId: ctx.customerId })),
  markRead: customerProcedure.mutation(({ ctx }) =>
    markNotificationsRead({ actor: ctx.actor, customerId: ctx.customerId }),
  ),
});
