import { ListAuditEntriesInput, listAuditActions, listAuditEntries } from "@/server/services/audit/list-audit-entries";
import { verifyAuditChain } from "@/server/services/audit/verify-audit-chain";
import { adminProcedure, router } from "../init";

export const auditRouter = router({
  list: adminProcedure.input(ListAuditEntriesInput).query(({ input }) => listAuditEntries(input)),
  actions: adminProcedure.query(() => listAuditActions()),
  verify: adminProcedure.mutation(async () => {
    const { checked, firstBreak } = await verifyAuditChain();
    return { checked, firstBreak: firstBreak && { seq: firstBreak.seq.toString(), reason: firstBreak.reason } };
  }),
});
