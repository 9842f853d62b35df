import { createCallerFactory, router } from "./init";
import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { customersRouter } from "./routers/customers";
import { definitionsRouter } from "./routers/definitions";
import { outcomesRouter } from "./routers/outcomes";
import { sessionRouter } from "./routers/session";
import { usersRouter } from "./routers/users";

export const appRouter = router({
  session: sessionRouter,
  customers: customersRouter,
  users: usersRouter,
  audit: auditRouter,
  apiKeys: apiKeysRouter,
  definitions: definitionsRouter,
  outcomes: outcomesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
