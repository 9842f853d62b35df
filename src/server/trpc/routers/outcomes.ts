import { AttemptListQuery, listAttempts } from "@/server/services/attempts/find-attempts";
import { portalProcedure, router } from "../init";

export const outcomesRouter = router({
  /** The outcomes of the customer the portal shows, newest first. */
  list: portalProcedure
    .input(AttemptListQuery.omit({ customer: true }))
    .query(({ ctx, input }) => listAttempts({ actor: ctx.actor, customerId: ctx.customerId, query: input })),
});
