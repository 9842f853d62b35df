import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { errorResponse } from "@/server/api/response";
import { AppError, WHOLE_REQUEST } from "@/server/errors";
import { assertSameOriginRequest, hasJsonBody } from "@/server/http/same-origin";
import { createRequestContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

const handler = (req: Request) => {
  try {
    assertSameOriginRequest(req);
    // tRPC also reads form and binary bodies, which a page on another site can send without a
    // CORS preflight; the app's own client always sends JSON.
    if (req.method === "POST" && !hasJsonBody(req)) {
      const message = "Send the call as JSON (Content-Type: application/json).";
      throw new AppError("VALIDATION_FAILED", message, [{ path: WHOLE_REQUEST, message }]);
    }
  } catch (error) {
    return errorResponse(error, req);
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createRequestContext(resHeaders),
  });
};

export { handler as GET, handler as POST };
