import { getProviderSettings } from "@/server/services/settings/get-provider-settings";
import {
  UpdateDisputeServiceLevelInput,
  updateDisputeServiceLevel,
} from "@/server/services/settings/update-dispute-service-level";
import { adminProcedure, providerProcedure, router } from "../init";

export const settingsRouter = router({
  /** The provider's name and dispute service level. */
  get: providerProcedure.query(() => getProviderSettings()),
  updateDisputeServiceLevel: adminProcedure
    .input(UpdateDisputeServiceLevelInput)
    .mutation(({ ctx, input }) => updateDisputeServiceLevel({ actor: ctx.actor, input })),
});
