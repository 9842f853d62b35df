import { z } from "zod";
import { getWallet } from "@/server/services/wallet/get-wallet";
import { grantWalletCredit, WalletGrantInput } from "@/server/services/wallet/grant-wallet-credit";
import { adminProcedure, portalProcedure, providerProcedure, router } from "../init";

export const walletRouter = router({
  /** The prepaid credits of the customer the portal shows: balance, expiries, grants, ledger. */
  get: portalProcedure.query(({ ctx }) => getWallet({ actor: ctx.actor, customerId: ctx.customerId })),
  /** Staff read any customer's wallet on its customer page. */
  byCustomer: providerProcedure
    .input(z.object({ customerId: z.uuid() }))
    .query(({ ctx, input }) => getWallet({ actor: ctx.actor, customerId: input.customerId })),
  /** A provider admin grants credits or records a top-up. */
  grant: adminProcedure
    .input(WalletGrantInput)
    .mutation(({ ctx, input }) => grantWalletCredit({ actor: ctx.actor, input })),
});
