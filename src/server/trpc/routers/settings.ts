import { getProviderSettings } from "@/server/services/settings/get-provider-settings";
import { UpdateAutoAssignmentInput, updateAutoAssignment } from "@/server/services/settings/update-auto-assignment";
import {
  UpdateDisputeServiceLevelInput,
  updateDisputeServiceLevel,
} from "@/server/services/settings/update-dispute-service-level";
import {
  LegalDetailsInput,
  updateProviderLegalDetails,
} from "@/server/services/settings/update-provider-legal-details";
import { adminProcedure, providerProcedure, router } from "../init";

export const settingsRouter = router({
  /** The provider's name, dispute service level and legal details. */
  get: providerProcedure.query(() => getProviderSettings()),
  updateDisputeServiceLevel: adminProcedure
    .input(UpdateDisputeServiceLevelInput)
    .mutation(({ ctx, input }) => updateDisputeServiceLevel({ actor: ctx.actor, input })),
  /** The seller's legal details every invoice and credit note prints. */
  updateLegalDetails: adminProcedure
    .input(LegalDetailsInput)
    .mutation(({ ctx, input }) => updateProviderLegalDetails({ actor: ctx.actor, input })),
  /** How new disputes are assigned: off, round robin, or by customer. */
  updateAutoAssignment: adminProcedure
    .input(UpdateAutoAssignmentInput)
    .mutation(({ ctx, input }) => updateAutoAssignment({ actor: ctx.actor, input })),
});
