import { CreateSpendAlertInput, createSpendAlert } from "@/server/services/alerts/create-spend-alert";
import { DeleteSpendAlertInput, deleteSpendAlert } from "@/server/services/alerts/delete-spend-alert";
import { listSpendAlerts } from "@/server/services/alerts/list-spend-alerts";
import { getCommitment } from "@/server/services/contracts/get-commitment";
import { loadAccountStatus } from "@/server/services/dashboard/load-account-status";
import { loadDashboard } from "@/server/services/dashboard/load-dashboard";
import { SetOutcomeValueInput, setOutcomeValue } from "@/server/services/dashboard/set-outcome-value";
import { financeProcedure, portalProcedure, router } from "../init";

export const dashboardRouter = router({
  /** The dashboard of the customer the portal shows (a customer user's own, whatever the request says). */
  overview: portalProcedure.query(({ ctx }) => loadDashboard({ actor: ctx.actor, customerId: ctx.customerId })),
  /** What the customer owes (the last invoice) and what is coming (open periods, pending outcomes). */
  account: portalProcedure.query(({ ctx }) => loadAccountStatus({ actor: ctx.actor, customerId: ctx.customerId })),
  /** A finance user states what one outcome of a definition is worth to their own company. */
  setOutcomeValue: financeProcedure
    .input(SetOutcomeValueInput)
    .mutation(({ ctx, input }) => setOutcomeValue({ actor: ctx.actor, customerId: ctx.customerId, input })),
  /** Where the commitment over several months stands (null without one). */
  commitment: portalProcedure.query(({ ctx }) => getCommitment({ actor: ctx.actor, customerId: ctx.customerId })),
  /** The company's spend alerts; finance users create and delete them. */
  alerts: portalProcedure.query(({ ctx }) => listSpendAlerts({ actor: ctx.actor, customerId: ctx.customerId })),
  createAlert: financeProcedure
    .input(CreateSpendAlertInput)
    .mutation(({ ctx, input }) => createSpendAlert({ actor: ctx.actor, customerId: ctx.customerId, input })),
  deleteAlert: financeProcedure
    .input(DeleteSpendAlertInput)
    .mutation(({ ctx, input }) => deleteSpendAlert({ actor: ctx.actor, customerId: ctx.customerId, input })),
});
