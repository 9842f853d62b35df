// REST v1 definitions: read the rules that decide what is billable, and keep them as code —
// create a definition, save its draft, preview the draft's impact and publish it from CI.
import type { z } from "zod";
import type { Actor } from "@/domain/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { createDefinition } from "@/server/services/definitions/create-definition";
import { DefinitionInput, VersionRuleInput } from "@/server/services/definitions/definition-schema";
import { getDefinition, listDefinitions } from "@/server/services/definitions/find-definitions";
import { previewImpact } from "@/server/services/definitions/preview-impact";
import { publishDefinitionVersion } from "@/server/services/definitions/publish-definition-version";
import { saveDraftVersion } from "@/server/services/definitions/save-draft-version";
import type { ApiHandler } from "./api-route";
import { parseInput, readJsonBody } from "./request";
import { json } from "./response";
import {
  DefinitionPathParams,
  DraftPreviewRequest,
  DraftPublishRequest,
  type ImpactPreviewBody,
  toDefinitionBody,
} from "./schemas/definitions";

export const getDefinitions: ApiHandler<Record<string, never>> = async ({ actor }) =>
  json({ data: (await listDefinitions({ actor })).map((d) => toDefinitionBody(d)) });

export const getOneDefinition: ApiHandler<{ key: string }> = async ({ actor, params }) => {
  const { key } = parseInput(DefinitionPathParams, params);
  return json(toDefinitionBody(await getDefinition({ actor, key })));
};

/** A definition and its rules are a few kilobytes. */
const MAX_DEFINITION_BODY_BYTES = 1_048_576;

export const postDefinition: ApiHandler<Record<string, never>> = async ({ actor, request }) => {
  const input = parseInput(DefinitionInput, await readJsonBody(request, MAX_DEFINITION_BODY_BYTES));
  await createDefinition({ actor, input });
  return json(toDefinitionBody(await getDefinition({ actor, key: input.key })), 201, {
    location: `/api/v1/definitions/${encodeURIComponent(input.key)}`,
  });
};

export const putDraft: ApiHandler<{ key: string }> = async ({ actor, request, params }) => {
  const { key } = parseInput(DefinitionPathParams, params);
  const rule = parseInput(VersionRuleInput, await readJsonBody(request, MAX_DEFINITION_BODY_BYTES));
  const { created } = await saveDraftVersion({ actor, definitionKey: key, input: rule });
  return json(toDefinitionBody(await getDefinition({ actor, key })), created ? 201 : 200);
};

export const postDraftPreview: ApiHandler<{ key: string }> = async ({ actor, request, params }) => {
  const { key } = parseInput(DefinitionPathParams, params);
  const { days } = parseInput(DraftPreviewRequest, await readJsonBody(request, MAX_DEFINITION_BODY_BYTES));
  const draft = await draftNumber(actor, key);
  const preview = await previewImpact({ input: { definitionKey: key, number: draft, days } });
  const customers = await db().customer.findMany({
    where: { id: { in: preview.customers.map((c) => c.customerId) } },
    select: { id: true, externalId: true },
  });
  const externalIds = new Map(customers.map((c) => [c.id, c.externalId]));
  return json({
    definition: key,
    currentVersion: preview.currentVersion,
    draftVersion: preview.draftVersion,
    from: preview.from.toISOString(),
    to: preview.to.toISOString(),
    attempts: preview.attempts,
    totals: preview.totals,
    flips: preview.flips,
    customers: preview.customers.map((c) => ({
      customer: externalIds.get(c.customerId) ?? c.customerId,
      billableDelta: c.billableDelta,
      currency: c.currency,
      moneyDeltaMinor: c.moneyDeltaMinor.toString(),
    })),
    upheldDisputesPrevented: preview.upheldPrevented,
    rejectedDisputesNowUnbilled: preview.rejectedNowUnbilled,
  } satisfies z.input<typeof ImpactPreviewBody>);
};

export const postDraftPublish: ApiHandler<{ key: string }> = async ({ actor, request, params }) => {
  const { key } = parseInput(DefinitionPathParams, params);
  const body = parseInput(DraftPublishRequest, await readJsonBody(request, MAX_DEFINITION_BODY_BYTES));
  const number = await draftNumber(actor, key);
  await publishDefinitionVersion({ actor, input: { definitionKey: key, number, ...body } });
  return json(toDefinitionBody(await getDefinition({ actor, key })));
};

/** The number of the definition's draft; 404 when it has none. */
async function draftNumber(actor: Actor, key: string): Promise<number> {
  const definition = await getDefinition({ actor, key });
  const draft = definition.versions.find((v) => v.status === "draft");
  if (!draft) throw AppError.notFound(`A draft version of "${key}"`);
  return draft.number;
}
