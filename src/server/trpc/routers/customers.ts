import { z } from "zod";
import { getCustomer, listCustomers } from "@/server/services/customers/find-customers";
import { VIEWED_CUSTOMER_COOKIE } from "../context";
import { authedProcedure, providerProcedure, router } from "../init";

export const customersRouter = router({
  list: authedProcedure.query(({ ctx }) => listCustomers({ actor: ctx.actor })),
  byId: authedProcedure
    .input(z.object({ customerId: z.uuid() }))
    .query(({ ctx, input }) => getCustomer({ actor: ctx.actor, customerId: input.customerId })),
  /** Provider staff choose whose portal they look at; remembered in a cookie. */
  view: providerProcedure.input(z.object({ customerId: z.uuid() })).mutation(async ({ ctx, input }) => {
    const customer = await getCustomer({ actor: ctx.actor, customerId: input.customerId });
    ctx.resHeaders?.append(
      "Set-Cookie",
      `${VIEWED_CUSTOMER_COOKIE}=${customer.id}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${60 * 60 * 24 * 30}`,
    );
    return { id: customer.id, name: customer.name };
  }),
});
