import { isProviderRole } from "@/domain/roles";
import { db } from "@/server/db";
import { listCustomers } from "@/server/services/customers/find-customers";
import { reviewQueueCounters } from "@/server/services/disputes/find-disputes";
import { listNotifications } from "@/server/services/notifications/list-notifications";
import { authedProcedure, portalProcedure, router } from "../init";

export const sessionRouter = router({
  me: authedProcedure.query(({ ctx }) => ctx.actor),
  /** The customer whose portal is being shown: one's own company, or the switcher's choice. */
  viewedCustomer: portalProcedure.query(({ ctx }) =>
    db().customer.findUniqueOrThrow({
      where: { id: ctx.customerId },
      select: { id: true, name: true, currency: true, timezone: true },
    }),
  ),
  /**
   * Everything the app shell needs for one render, its notifications and the review queue's
   * counters included: the browser then starts with them instead of asking right after load.
   */
  shell: portalProcedure.query(async ({ ctx }) => {
    const staff = isProviderRole(ctx.actor.role);
    const [user, provider, viewedCustomer, customers, notifications, reviewCounters] = await Promise.all([
      db().user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: { name: true } }),
      db().providerSettings.findFirst({ select: { name: true } }),
      db().customer.findUniqueOrThrow({
        where: { id: ctx.customerId },
        select: { id: true, name: true, timezone: true },
      }),
      staff ? listCustomers({ actor: ctx.actor }) : Promise.resolve([]),
      listNotifications({ actor: ctx.actor }),
      staff ? reviewQueueCounters({ actor: ctx.actor }) : Promise.resolve(null),
    ]);
    return {
      actor: ctx.actor,
      userName: user.name,
      providerName: provider?.name ?? "Outcome Ledger",
      viewedCustomer,
      customers: customers.map(({ id, name }) => ({ id, name })),
      notifications,
      reviewCounters,
    };
  }),
});
