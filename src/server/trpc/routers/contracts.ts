import { z } from "zod";
import { getContractHistory } from "@/server/services/contracts/contract-history";
import { ContractTermsInput } from "@/server/services/contracts/contract-schema";
import { createContractVersion } from "@/server/services/contracts/create-contract-version";
import { previewContract } from "@/server/services/contracts/preview-contract";
import { adminProcedure, providerProcedure, router } from "../init";

const CustomerRef = z.object({ customerId: z.uuid() });
const ProposedTerms = CustomerRef.extend({ terms: ContractTermsInput });

export const contractsRouter = router({
  /** The version in force now; null before the first one starts. */
  current: providerProcedure
    .input(CustomerRef)
    .query(async ({ ctx, input }) => (await getContractHistory({ actor: ctx.actor, ...input })).current),
  /** Every version, newest first. */
  versions: providerProcedure
    .input(CustomerRef)
    .query(async ({ ctx, input }) => (await getContractHistory({ actor: ctx.actor, ...input })).versions),
  create: adminProcedure
    .input(ProposedTerms)
    .mutation(({ ctx, input }) =>
      createContractVersion({ actor: ctx.actor, customerId: input.customerId, input: input.terms }),
    ),
  /** This month's bill under the proposed terms, computed without saving them. */
  preview: adminProcedure
    .input(ProposedTerms)
    .query(({ ctx, input }) => previewContract({ actor: ctx.actor, customerId: input.customerId, input: input.terms })),
});
