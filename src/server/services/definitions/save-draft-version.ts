// Definitions as code: the provider's CI sends the next version's rule; it becomes the draft,
// created when the definition has none and replaced when it has one. Published versions are
// never touched.
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createDraftVersion } from "./create-draft-version";
import type { VersionRuleInput } from "./definition-schema";
import { updateDraftVersion } from "./update-draft-version";

export async function saveDraftVersion({
  actor,
  definitionKey,
  input,
}: {
  actor: Actor;
  definitionKey: string;
  input: VersionRuleInput;
}): Promise<{ created: boolean; version: Awaited<ReturnType<typeof createDraftVersion>> }> {
  const definition = await db().outcomeDefinition.findUnique({
    where: { key: definitionKey },
    select: { versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, status: true } } },
  });
  if (!definition) throw AppError.notFound(`The definition "${definitionKey}"`);
  const last = definition.versions[0];
  if (last?.status === "draft") {
    return { created: false, version: await updateDraftVersion({ actor, definitionKey, number: last.number, input }) };
  }
  return { created: true, version: await createDraftVersion({ actor, definitionKey, input }) };
}
