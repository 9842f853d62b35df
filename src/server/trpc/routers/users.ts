import { z } from "zod";
import { ChangePasswordInput, changePassword } from "@/server/services/users/change-password";
import { ChangeUserRoleInput, changeUserRole } from "@/server/services/users/change-user-role";
import { CreateUserInput, createUser } from "@/server/services/users/create-user";
import { DeactivateUserInput, deactivateUser } from "@/server/services/users/deactivate-user";
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
  /** The signed-in user's own password; ends all their sessions (they sign in again). */
  changePassword: authedProcedure
    .input(ChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword({ actor: ctx.actor, input })),
  changeRole: adminProcedure
    .input(ChangeUserRoleInput)
    .mutation(({ ctx, input }) => changeUserRole({ actor: ctx.actor, input })),
  deactivate: adminProcedure
    .input(DeactivateUserInput)
    .mutation(({ ctx, input }) => deactivateUser({ actor: ctx.actor, input })),
});
