import { listJobRuns } from "@/server/services/jobs/list-job-runs";
import { RunJobNowInput, runJobNow } from "@/server/services/jobs/run-job-now";
import { adminProcedure, router } from "../init";

/** The Jobs page: provider admins only (customers and reviewers are refused here). */
export const jobsRouter = router({
  list: adminProcedure.query(() => listJobRuns()),
  runNow: adminProcedure.input(RunJobNowInput).mutation(({ ctx, input }) => runJobNow({ actor: ctx.actor, input })),
});
