// The REST wrapper: every /api/v1 route is `apiRoute(handler)`. A request passes the same
// short steps in order (authenticate the key, count it against the rate limit, run the
// handler) and anything thrown on the way becomes the one error response.
import { type ApiKeyActor, authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { apiRateLimiter } from "./rate-limit";
import { errorResponse } from "./response";

export interface ApiContext<P> {
  actor: ApiKeyActor;
  request: Request;
  params: P;
}

export type ApiHandler<P> = (ctx: ApiContext<P>) => Promise<Response>;

/** A Next route handler; Next passes the dynamic segments as a Promise. */
export type RouteHandler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

export function apiRoute<P extends object = Record<string, never>>(handler: ApiHandler<P>): RouteHandler<P> {
  return async (request, context) => {
    try {
      const actor = await authenticateApiKey({ authorization: request.headers.get("authorization") });
      await apiRateLimiter().consume(actor);
      return await handler({ actor, request, params: await context.params });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
