// API keys and REST requests for tests, made through the real use cases and route handlers.
import { createApiKey } from "@/server/services/api-keys/create-api-key";
import { testActor, uniqueId } from "./fixtures";

export async function makeApiKey(name = uniqueId("key")) {
  return createApiKey({ actor: testActor, input: { name } });
}

/** A request as Next hands it to a route handler, with the key in the Authorization header. */
export function apiRequest(
  path: string,
  {
    key,
    method = "GET",
    body,
    headers = {},
  }: { key?: string; method?: string; body?: BodyInit; headers?: Record<string, string> } = {},
): Request {
  return new Request(`http://localhost${path}`, {
    method,
    body,
    headers: {
      ...(key && { authorization: `Bearer ${key}` }),
      ...(body && { "content-type": "application/json" }),
      ...headers,
    },
  });
}

/** The route handler's second argument: Next passes the dynamic segments as a Promise. */
export function routeParams<P extends object>(params: P): { params: Promise<P> } {
  return { params: Promise.resolve(params) };
}
