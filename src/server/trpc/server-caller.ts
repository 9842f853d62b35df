// Server components read through the same procedures as the browser, so a page can never
// see more than the API would give the same user.
import "server-only";
import { redirect } from "next/navigation";
import { createRequestContext } from "./context";
import { createCaller } from "./root";

export async function serverCaller() {
  const context = await createRequestContext(null);
  // Pages render alongside their layout; without a session send them where the layout does.
  if (!context.actor) redirect("/sign-in");
  return createCaller(context);
}
