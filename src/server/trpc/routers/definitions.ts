import { listDefinitions } from "@/server/services/definitions/find-definitions";
import { authedProcedure, router } from "../init";

export const definitionsRouter = router({
  /** Definitions are public to every signed-in role: customers read the rules that bill them. */
  list: authedProcedure.query(() => listDefinitions()),
});
