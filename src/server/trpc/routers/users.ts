import { z } from "zod";
import { CreateUserInput, createUser } from "@/server/services/users/create-user";
import { getUser, listUsers } from "@/server/services/users/find-users";
import { adminProcedure, authedProcedure, router } from "../init";

export const usersRouter = router({
  list: authedProcedure.query(({ ctx }) => listUsers({ actor: ctx.actor })),
  byId: authedProcedure
    .input(z.object({ userId: z.uuid() }))
    .query(({ ctx, input }) => getUser({ actor: ctx.actor, userId: input.userId })),
  create: adminProcedure.input(CreateUserInput).mutation(async ({ ctx, input }) => {
    const user = await createUser({ actor: ctx.actor, input });
    return { id: user.id, email: user.email };
  }),
});
