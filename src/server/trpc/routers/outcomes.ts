import { z } from "zod";
import { AttemptListQuery, getAttemptWithTrail, listAttempts } from "@/server/services/attempts/find-attempts";
import { outcomeBilling } from "@/server/services/attempts/outcome-billing";
import { portalProcedure, router } from "../init";

export const outcomesRouter = router({
  /** The outcomes of the customer the portal shows, newest first. */
  list: portalProcedure
    .input(AttemptListQuery.omit({ customer: true }))
    .query(({ ctx, input }) => listAttempts({ actor: ctx.actor, customerId: ctx.customerId, query: input })),
  /** One outcome with its evidence trail, evaluation and place on the bill (customer users: their own only). */
  byId: portalProcedure.input(z.object({ attemptId: z.uuid() })).query(async ({ ctx, input }) => {
    const trail = await getAttemptWithTrail({ actor: ctx.actor, attemptId: input.attemptId });
    return { ...trail, billing: await outcomeBilling(trail.attempt) };
  }),
});
