// REST v1 shapes of outcome definitions.
import { z } from "zod";
import { chooseVersion } from "@/domain/evaluation/evaluate-attempt";
import { clock } from "@/server/clock";
import { isoInstantText, text } from "@/server/input-rules";
import { CriterionInput } from "@/server/services/definitions/definition-schema";
import type { getDefinition } from "@/server/services/definitions/find-definitions";

export const DefinitionPathParams = z.object({ key: text().min(1).max(100) });

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
  now = clock.now(),
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

export const DraftPreviewRequest = z.strictObject({
  days: z.union([z.literal(7), z.literal(30), z.literal(90)], "Preview the last 7, 30 or 90 days."),
});

export const DraftPublishRequest = z.strictObject({
  effectiveFrom: isoInstantText("Give the effective-from time as an ISO 8601 time with its offset.").describe(
    "Now or later; never inside a period already finalized.",
  ),
  changeNote: text().trim().min(1).max(2_000).optional().describe("Replaces the draft's change note."),
  addressesDisputeIds: z
    .array(z.uuid())
    .max(500)
    .default([])
    .describe("Disputes this version addresses (the `disputeId` of dispute webhooks)."),
});

const Counts = z.object({ pending: z.number().int(), billable: z.number().int(), not_billable: z.number().int() });

export const ImpactPreviewBody = z.object({
  definition: z.string(),
  currentVersion: z.number().int(),
  draftVersion: z.number().int(),
  from: z.string(),
  to: z.string(),
  attempts: z.number().int().describe("Attempts re-evaluated."),
  totals: z.object({ current: Counts, draft: Counts }),
  flips: z.object({ billableToNot: z.number().int(), notToBillable: z.number().int() }),
  customers: z.array(
    z.object({
      customer: z.string().describe("The customer's external id."),
      billableDelta: z.number().int(),
      currency: z.string(),
      moneyDeltaMinor: z.string().describe("What the change would add to (or take off) their bills, in minor units."),
    }),
  ),
  upheldDisputesPrevented: z.number().int(),
  rejectedDisputesNowUnbilled: z.number().int(),
});
