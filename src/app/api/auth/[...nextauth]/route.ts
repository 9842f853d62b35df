import NextAuth from "next-auth";
import { errorResponse } from "@/server/api/response";
import { authOptions } from "@/server/auth/options";
import { assertSameOriginRequest } from "@/server/http/same-origin";

type NextAuthContext = { params: Promise<{ nextauth: string[] }> };

const handler: (request: Request, context: NextAuthContext) => Promise<Response> = NextAuth(authOptions);

/** Sign-in and sign-out carry next-auth's CSRF token already; a foreign Origin is refused before it. */
async function POST(request: Request, context: NextAuthContext): Promise<Response> {
  try {
    assertSameOriginRequest(request);
  } catch (error) {
    return errorResponse(error, request);
  }
  return handler(request, context);
}

export { handler as GET, POST };
