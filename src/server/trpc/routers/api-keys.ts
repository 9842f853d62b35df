import { CreateApiKeyInput, createApiKey } from "@/server/services/api-keys/create-api-key";
import { listApiKeys } from "@/server/services/api-keys/list-api-keys";
import { RevokeApiKeyInput, revokeApiKey } from "@/server/services/api-keys/revoke-api-key";
import { adminProcedure, router } from "../init";

export const apiKeysRouter = router({
  list: adminProcedure.query(() => listApiKeys()),
  create: adminProcedure
    .input(CreateApiKeyInput)
    .mutation(({ ctx, input }) => createApiKey({ actor: ctx.actor, input })),
  revoke: adminProcedure
    .input(RevokeApiKeyInput)
    .mutation(({ ctx, input }) => revokeApiKey({ actor: ctx.actor, input })),
});
