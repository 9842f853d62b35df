// Server components read through the same procedures as the browser, so a page can never
// see more than the API would give the same user.
import "server-only";
import { createRequestContext } from "./context";
import { createCaller } from "./root";

export async function serverCaller() {
  return createCaller(await createRequestContext(null));
}
