// Routes for the signed-in portal that are not tRPC, such as file downloads a browser saves
// from a plain link. The actor comes from the session (as for tRPC); a state-changing request
// must come from the app's own pages (the session is a cookie, see same-origin.ts); anything
// thrown becomes the one error body of the REST API.
import { isCustomerRole } from "@/domain/roles";
import { currentActor, type UserActor } from "@/server/auth/current-actor";
import { withCustomerScope } from "@/server/db";
import { AppError } from "@/server/errors";
import { assertSameOriginRequest } from "@/server/http/same-origin";
import type { RouteHandler } from "./api-route";
import { errorResponse } from "./response";

export type SessionHandler<P> = (ctx: { actor: UserActor; request: Request; params: P }) => Promise<Response>;

export function sessionRoute<P extends object>(handler: SessionHandler<P>): RouteHandler<P> {
  return async (request, context) => {
    try {
      assertSameOriginRequest(request);
      const actor = await currentActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in again.");
      const params = await context.params;
      const run = () => handler({ actor, request, params });
      // A customer user's download runs in their company's database scope (row-level security).
      return await (isCustomerRole(actor.role) ? withCustomerScope(actor.customerId!, run) : run());
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}
