import { latestCheckpoint } from "@/server/services/audit/checkpoint-audit-chain";
import { ListAuditEntriesInput, listAuditActions, listAuditEntries } from "@/server/services/audit/list-audit-entries";
import { verifyAuditChain } from "@/server/services/audit/verify-audit-chain";
import { adminProcedure, router } from "../init";

export const auditRouter = router({
  list: adminProcedure.input(ListAuditEntriesInput).query(({ input }) => listAuditEntries(input)),
  actions: adminProcedure.query(() => listAuditActions()),
  verify: adminProcedure.mutation(async () => {
    const { checked, firstBreak, problems, ok } = await verifyAuditChain();
    return {
      ok,
      checked,
      problems,
      firstBreak: firstBreak && { seq: firstBreak.seq.toString(), reason: firstBreak.reason },
    };
  }),
  lastCheckpoint: adminProcedure.query(() => latestCheckpoint()),
});
