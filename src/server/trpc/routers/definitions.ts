import { z } from "zod";
import { int, text } from "@/server/input-rules";
import { createDraftVersion } from "@/server/services/definitions/create-draft-version";
import {
  attributeSuggestions,
  definitionTrends,
  disputeInsights,
} from "@/server/services/definitions/definition-insights";
import { VersionRuleInput } from "@/server/services/definitions/definition-schema";
import { getDefinition, getDefinitionVersion, listDefinitions } from "@/server/services/definitions/find-definitions";
import { PreviewImpactInput, previewImpact } from "@/server/services/definitions/preview-impact";
import {
  PublishVersionInput,
  publishDefinitionVersion,
} from "@/server/services/definitions/publish-definition-version";
import { RetireVersionInput, retireDefinitionVersion } from "@/server/services/definitions/retire-definition-version";
import { updateDraftVersion } from "@/server/services/definitions/update-draft-version";
import { adminProcedure, authedProcedure, providerProcedure, router } from "../init";

const DefinitionKey = z.object({ definitionKey: text().min(1).max(64) });

export const definitionsRouter = router({
  /** Definitions are readable by every signed-in role: customers read the published rules that bill them. */
  list: authedProcedure.query(({ ctx }) => listDefinitions({ actor: ctx.actor })),
  /** One definition with its versions (drafts for provider staff only). */
  byKey: authedProcedure
    .input(DefinitionKey)
    .query(({ ctx, input }) => getDefinition({ actor: ctx.actor, key: input.definitionKey })),
  /** One version with its definition: a customer asking for a draft's number gets NOT_FOUND. */
  version: authedProcedure
    .input(DefinitionKey.extend({ number: int().positive() }))
    .query(({ ctx, input }) =>
      getDefinitionVersion({ actor: ctx.actor, key: input.definitionKey, number: input.number }),
    ),
  /** Per definition id, six months of volume, success rate, dispute rate and upheld rate. */
  trends: providerProcedure.query(async () => Object.fromEntries(await definitionTrends())),
  insights: providerProcedure.input(DefinitionKey).query(({ input }) => disputeInsights(input.definitionKey)),
  attributeSuggestions: adminProcedure
    .input(DefinitionKey)
    .query(({ input }) => attributeSuggestions(input.definitionKey)),
  createDraft: adminProcedure
    .input(DefinitionKey.extend({ rule: VersionRuleInput }))
    .mutation(({ ctx, input }) =>
      createDraftVersion({ actor: ctx.actor, definitionKey: input.definitionKey, input: input.rule }),
    ),
  updateDraft: adminProcedure
    .input(DefinitionKey.extend({ number: int().positive(), rule: VersionRuleInput }))
    .mutation(({ ctx, input }) =>
      updateDraftVersion({
        actor: ctx.actor,
        definitionKey: input.definitionKey,
        number: input.number,
        input: input.rule,
      }),
    ),
  /** Re-evaluates the last 7/30/90 days under a draft and under the version in force; writes nothing. */
  previewImpact: providerProcedure.input(PreviewImpactInput).query(({ input }) => previewImpact({ input })),
  publish: adminProcedure
    .input(PublishVersionInput)
    .mutation(({ ctx, input }) => publishDefinitionVersion({ actor: ctx.actor, input })),
  retire: adminProcedure
    .input(RetireVersionInput)
    .mutation(({ ctx, input }) => retireDefinitionVersion({ actor: ctx.actor, input })),
});
