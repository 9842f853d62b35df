// REST v1 shapes of outcome definitions.
import { z } from "zod";
import { chooseVersion } from "@/domain/evaluation/evaluate-attempt";
import { CriterionInput } from "@/server/services/definitions/definition-schema";
import type { getDefinition } from "@/server/services/definitions/find-definitions";

export const DefinitionPathParams = z.object({ key: z.string().min(1).max(100) });

export const DefinitionVersionBody = z.object({
  number: z.number().int(),
  status: z.enum(["draft", "published", "retired"]),
  criteria: z.array(CriterionInput),
  observationWindowHours: z.number().int(),
  defaultUnitPrice: z.string().describe("Exact decimal."),
  effectiveFrom: z.string().nullable(),
  author: z.string(),
  changeNote: z.string(),
  publishedAt: z.string().nullable(),
});

export const DefinitionBody = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  unitLabel: z.string(),
  currentVersion: z.number().int().nullable().describe("The version in force now."),
  versions: z.array(DefinitionVersionBody),
});

export const DefinitionList = z.object({ data: z.array(DefinitionBody) });

export function toDefinitionBody(
  d: Awaited<ReturnType<typeof getDefinition>>,
  now = new Date(),
): z.infer<typeof DefinitionBody> {
  return {
    key: d.key,
    name: d.name,
    description: d.description,
    unitLabel: d.unitLabel,
    currentVersion: chooseVersion(d.versions, now)?.number ?? null,
    versions: d.versions.map((v) => ({
      number: v.number,
      status: v.status,
      criteria: v.criteria as z.infer<typeof CriterionInput>[],
      observationWindowHours: v.observationWindowHours,
      defaultUnitPrice: v.defaultUnitPrice.toString(),
      effectiveFrom: v.effectiveFrom?.toISOString() ?? null,
      author: v.authorLabel,
      changeNote: v.changeNote,
      publishedAt: v.publishedAt?.toISOString() ?? null,
    })),
  };
}
