import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

/** A customer's wallet as the wallet procedures answer it. */
export type WalletView = inferRouterOutputs<AppRouter>["wallet"]["get"];
