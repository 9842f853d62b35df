// REST v1 definitions: read the rules that decide what is billable.
import { getDefinition, listDefinitions } from "@/server/services/definitions/find-definitions";
import type { ApiHandler } from "./api-route";
import { parseInput } from "./request";
import { json } from "./response";
import { DefinitionPathParams, toDefinitionBody } from "./schemas/definitions";

export const getDefinitions: ApiHandler<Record<string, never>> = async () =>
  json({ data: (await listDefinitions()).map((d) => toDefinitionBody(d)) });

export const getOneDefinition: ApiHandler<{ key: string }> = async ({ params }) => {
  const { key } = parseInput(DefinitionPathParams, params);
  return json(toDefinitionBody(await getDefinition({ key })));
};
