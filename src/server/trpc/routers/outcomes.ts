import { z } from "zod";
import { countAttempts } from "@/server/services/attempts/count-attempts";
import { AttemptListQuery, getAttemptWithTrail, listAttempts } from "@/server/services/attempts/find-attempts";
import { outcomeBilling } from "@/server/services/attempts/outcome-billing";
import { portalProcedure, router } from "../init";

const PortalListQuery = AttemptListQuery.omit({ customer: true });

export const outcomesRouter = router({
  /** The outcomes of the customer the portal shows, filtered, newest (or oldest) first. */
  list: portalProcedure
    .input(PortalListQuery)
    .query(({ ctx, input }) => listAttempts({ actor: ctx.actor, customerId: ctx.customerId, query: input })),
  /** How many outcomes the same filters match (capped at 10,000 when the rollup cannot answer). */
  count: portalProcedure
    .input(PortalListQuery.omit({ cursor: true, limit: true, sort: true }))
    .query(({ ctx, input }) => countAttempts({ actor: ctx.actor, customerId: ctx.customerId, query: input })),
  /** One outcome with its evidence trail, evaluation and place on the bill (customer users: their own only). */
  byId: portalProcedure.input(z.object({ attemptId: z.uuid() })).query(async ({ ctx, input }) => {
    const trail = await getAttemptWithTrail({ actor: ctx.actor, attemptId: input.attemptId });
    return { ...trail, billing: await outcomeBilling(trail.attempt) };
  }),
});
