// REST v1 attempts: the provider's back office lists outcomes and reads one evidence trail.
import { AttemptListQuery, getAttemptWithTrail, listAttempts } from "@/server/services/attempts/find-attempts";
import type { ApiHandler } from "./api-route";
import { parseInput, queryOf } from "./request";
import { json } from "./response";
import { AttemptPathParams, toAttemptDetail, toAttemptSummary } from "./schemas/attempts";

export const getAttempts: ApiHandler<Record<string, never>> = async ({ actor, request }) => {
  const page = await listAttempts({ actor, query: parseInput(AttemptListQuery, queryOf(request)) });
  return json({ data: page.attempts.map(toAttemptSummary), nextCursor: page.nextCursor });
};

export const getAttempt: ApiHandler<{ id: string }> = async ({ actor, params }) => {
  const { id } = parseInput(AttemptPathParams, params);
  return json(toAttemptDetail(await getAttemptWithTrail({ actor, attemptId: id })));
};
