import { DeleteCannedRationaleInput, deleteCannedRationale } from "@/server/services/settings/delete-canned-rationale";
import { getProviderSettings } from "@/server/services/settings/get-provider-settings";
import { listCannedRationales } from "@/server/services/settings/list-canned-rationales";
import { SaveCannedRationaleInput, saveCannedRationale } from "@/server/services/settings/save-canned-rationale";
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
  /** Rationales reviewers start from, per root cause: staff read them, admins edit them. */
  cannedRationales: providerProcedure.query(() => listCannedRationales()),
  saveCannedRationale: adminProcedure
    .input(SaveCannedRationaleInput)
    .mutation(({ ctx, input }) => saveCannedRationale({ actor: ctx.actor, input })),
  deleteCannedRationale: adminProcedure
    .input(DeleteCannedRationaleInput)
    .mutation(({ ctx, input }) => deleteCannedRationale({ actor: ctx.actor, input })),
  /** How new disputes are assigned: off, round robin, or by customer. */
  updateAutoAssignment: adminProcedure
    .input(UpdateAutoAssignmentInput)
    .mutation(({ ctx, input }) => updateAutoAssignment({ actor: ctx.actor, input })),
});
