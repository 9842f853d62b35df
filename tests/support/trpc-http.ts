// The tRPC API as the browser reaches it: requests through the fetch adapter the route
// handler uses, so a test sees what a client sees (HTTP status, `data.appCode`, `data.fields`)
// rather than the server-side caller's TRPCError.
import { createTRPCClient, httpLink } from "@trpc/client";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import type { UserActor } from "@/server/auth/current-actor";
import { type AppRouter, appRouter } from "@/server/trpc/root";

export function trpcOverHttp(actor: UserActor | null, viewedCustomerId: string | null = null) {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: "http://localhost/api/trpc",
        transformer: superjson,
        fetch: (url, init) => trpcRequest(actor, new Request(url, init as RequestInit), viewedCustomerId),
      }),
    ],
  });
}

/** A request of one's own making (a wrong method, input that is not JSON) through the same adapter. */
export function trpcRequest(actor: UserActor | null, req: Request, viewedCustomerId: string | null = null) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => ({ actor, viewedCustomerId, resHeaders }),
  });
}
