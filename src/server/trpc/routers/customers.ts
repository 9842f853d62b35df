import { z } from "zod";
import { createCustomer } from "@/server/services/customers/create-customer";
import { CustomerFields } from "@/server/services/customers/customer-fields";
import { editCustomer } from "@/server/services/customers/edit-customer";
import { getCustomer, listCustomers } from "@/server/services/customers/find-customers";
import { VIEWED_CUSTOMER_COOKIE } from "../context";
import { adminProcedure, authedProcedure, providerProcedure, router } from "../init";

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
  /** Provider admins add a customer, or edit one's details (the external id stays). */
  create: adminProcedure
    .input(CustomerFields)
    .mutation(async ({ ctx, input }) => (await createCustomer({ actor: ctx.actor, input })).customer),
  edit: adminProcedure
    .input(z.object({ customerId: z.uuid(), details: CustomerFields.omit({ externalId: true }) }))
    .mutation(
      async ({ ctx, input }) =>
        (await editCustomer({ actor: ctx.actor, customerId: input.customerId, input: input.details })).customer,
    ),
});
