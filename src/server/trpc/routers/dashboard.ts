import { loadDashboard } from "@/server/services/dashboard/load-dashboard";
import { portalProcedure, router } from "../init";

export const dashboardRouter = router({
  /** The dashboard of the customer the portal shows (a customer user's own, whatever the request says). */
  overview: portalProcedure.query(({ ctx }) => loadDashboard({ actor: ctx.actor, customerId: ctx.customerId })),
});
