import { isProviderRole } from "@/domain/roles";
import { db } from "@/server/db";
import { listCustomers } from "@/server/services/customers/find-customers";
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
  /** Everything the app shell needs for one render. */
  shell: portalProcedure.query(async ({ ctx }) => {
    const [user, provider, viewedCustomer, customers] = await Promise.all([
      db().user.findUniqueOrThrow({ where: { id: ctx.actor.userId }, select: { name: true } }),
      db().providerSettings.findFirst({ select: { name: true } }),
      db().customer.findUniqueOrThrow({
        where: { id: ctx.customerId },
        select: { id: true, name: true, timezone: true },
      }),
      isProviderRole(ctx.actor.role) ? listCustomers({ actor: ctx.actor }) : Promise.resolve([]),
    ]);
    return {
      actor: ctx.actor,
      userName: user.name,
      providerName: provider?.name ?? "Outcome Ledger",
      viewedCustomer,
      customers: customers.map(({ id, name }) => ({ id, name })),
    };
  }),
});
