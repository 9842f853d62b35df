import { createCallerFactory, router } from "./init";
import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { contractsRouter } from "./routers/contracts";
import { customersRouter } from "./routers/customers";
import { dashboardRouter } from "./routers/dashboard";
import { definitionsRouter } from "./routers/definitions";
import { disputesRouter } from "./routers/disputes";
import { invoicesRouter } from "./routers/invoices";
import { jobsRouter } from "./routers/jobs";
import { notificationsRouter } from "./routers/notifications";
import { outcomesRouter } from "./routers/outcomes";
import { sessionRouter } from "./routers/session";
import { settingsRouter } from "./routers/settings";
import { usersRouter } from "./routers/users";
import { walletRouter } from "./routers/wallet";
import { webhooksRouter } from "./routers/webhooks";

export const appRouter = router({
  session: sessionRouter,
  customers: customersRouter,
  users: usersRouter,
  audit: auditRouter,
  apiKeys: apiKeysRouter,
  webhooks: webhooksRouter,
  definitions: definitionsRouter,
  outcomes: outcomesRouter,
  invoices: invoicesRouter,
  wallet: walletRouter,
  contracts: contractsRouter,
  dashboard: dashboardRouter,
  notifications: notificationsRouter,
  disputes: disputesRouter,
  settings: settingsRouter,
  jobs: jobsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
