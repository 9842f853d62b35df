// What every tRPC procedure knows about its request: who is asking, and for provider staff
// which customer they are looking at. Built from the session on HTTP, or directly in tests.
import { cookies } from "next/headers";
import { currentActor, type UserActor } from "@/server/auth/current-actor";

export const VIEWED_CUSTOMER_COOKIE = "ol_viewed_customer";

export interface Context {
  actor: UserActor | null;
  /** The customer provider staff chose in the switcher (unverified: procedures check it). */
  viewedCustomerId: string | null;
  /** Lets a procedure set response headers, e.g. the switcher's cookie. */
  resHeaders: Headers | null;
}

export async function createRequestContext(resHeaders: Headers | null): Promise<Context> {
  const [actor, jar] = await Promise.all([currentActor(), cookies()]);
  return { actor, viewedCustomerId: jar.get(VIEWED_CUSTOMER_COOKIE)?.value ?? null, resHeaders };
}
